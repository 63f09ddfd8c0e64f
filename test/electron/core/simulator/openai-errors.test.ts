/** OpenAI's error bodies and key masking (pure). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../../electron/core/openai/wire';
import {
  defaultErrorFor,
  insufficientQuota,
  invalidApiKey,
  maskKey,
} from '../../../../electron/core/simulator/openai-errors';

describe('maskKey', () => {
  it('shows the first 6 and last 4 characters of a key, as OpenAI does', () => {
    expect(maskKey('sk-admin-0123456789abcd')).toBe('sk-adm*************abcd');
    expect(maskKey('sk-adm12345abcd')).toBe('sk-adm*****abcd');
  });

  it('never gives back a whole key: at most 10 characters, and at least 3 hidden', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[^*]{1,300}$/), (key) => {
        const shown = maskKey(key).replace(/\*/g, '').length;
        expect(shown).toBeLessThanOrEqual(Math.max(0, Math.min(10, key.length - 3)));
      }),
    );
  });
});

describe('error bodies', () => {
  it('have the four fields of OpenAI’s envelope', () => {
    for (const reply of [
      invalidApiKey('sk-whatever-1234567890'),
      invalidApiKey(null),
      insufficientQuota(),
      defaultErrorFor(500),
    ]) {
      expect(Object.keys((reply.body as { error: object }).error)).toEqual([
        'message',
        'type',
        'param',
        'code',
      ]);
      expect(errorBodySchema.safeParse(reply.body).success).toBe(true);
    }
  });

  it('a 401 names the masked key and the invalid_api_key code', () => {
    const body = invalidApiKey('sk-proj-secretsecretsecret9876').body as { error: Record<string, unknown> };
    expect(body.error.message).toMatch(/^Incorrect API key provided: sk-pro\*+9876\./);
    expect(body.error.message).not.toContain('secretsecret');
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null, code: 'invalid_api_key' });
  });
});
