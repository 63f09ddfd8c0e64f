import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../../electron/core/secrets/redact';
import { ADMIN_KEY } from '../openai/openai-test-kit';

describe('redactSecrets', () => {
  it.each([
    ['Incorrect API key provided: sk-XXXXX***XXXX. You can…', 'Incorrect API key provided: sk-***. You can…'],
    ['key sk-proj-abc_DEF-123 refused', 'key sk-*** refused'],
    ['masked sk-abcd…wxyz', 'masked sk-***'],
    ['session sess-AbC123 only', 'session sess-*** only'],
    ['header Bearer abc.def', 'header Bearer ***'],
    ['no secrets here, task-list ok', 'no secrets here, task-list ok'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text, ADMIN_KEY)).toBe(expected);
  });

  it('removes the key itself even without an sk- prefix (a relay key)', () => {
    expect(redactSecrets('got relay-key-123456 from you', 'relay-key-123456')).toBe('got [key] from you');
  });

  it('removes every known key, and needs none to catch sk- tokens', () => {
    expect(redactSecrets('a relay-one b relay-two', ['relay-one', 'relay-two', ''])).toBe('a [key] b [key]');
    expect(redactSecrets(`leaked ${ADMIN_KEY}!`)).toBe('leaked sk-***!');
  });
});
