import { describe, expect, it } from 'vitest';
import { ADMIN_KEYS_URL, classifyKey, type KeyKind, maskKey } from '../../../../electron/core/secrets';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY } from './secrets-test-kit';

const tail = (prefix: string) => `${prefix}TESTONLY${'a1b2C3d4'.repeat(4)}wxyz`;

describe('classifyKey', () => {
  it.each<[string, string, KeyKind, boolean, string]>([
    ['an Admin key', FAKE_ADMIN_KEY, 'admin', true, 'abcd'],
    ['an Admin key piped from echo (newline)', `${FAKE_ADMIN_KEY}\n`, 'admin', true, 'abcd'],
    ['an Admin key pasted with spaces and CRLF', `  ${FAKE_ADMIN_KEY}\r\n`, 'admin', true, 'abcd'],
    ['a project key', FAKE_PROJECT_KEY, 'project', false, 'wxyz'],
    ['a service-account key', tail('sk-svcacct-'), 'service-account', false, 'wxyz'],
    ['a user key not tied to a project', tail('sk-None-'), 'user-legacy', false, 'wxyz'],
    ['a legacy user key', tail('sk-'), 'user-legacy', false, 'wxyz'],
    ['an Anthropic key', tail('sk-ant-api03-'), 'not-openai', false, 'wxyz'],
    ['an OpenRouter key', tail('sk-or-v1-'), 'not-openai', false, 'wxyz'],
    ['something else', tail('ghp_'), 'not-openai', false, 'wxyz'],
    ['empty', '', 'not-openai', false, ''],
    ['only a newline', '\n', 'not-openai', false, ''],
    ['a space inside', `${FAKE_ADMIN_KEY.slice(0, 40)} ${FAKE_ADMIN_KEY.slice(40)}`, 'admin', false, ''],
    [
      'a line break inside',
      `${FAKE_ADMIN_KEY.slice(0, 40)}\n${FAKE_ADMIN_KEY.slice(40)}`,
      'admin',
      false,
      '',
    ],
    [
      'a control character inside',
      `${FAKE_ADMIN_KEY.slice(0, 40)}\x1b${FAKE_ADMIN_KEY.slice(40)}`,
      'admin',
      false,
      '',
    ],
    ['a prefix alone', 'sk-admin-', 'admin', false, ''],
    ['a character no key has', `${FAKE_ADMIN_KEY}é`, 'admin', false, 'bcdé'],
  ])('%s', (_, text, kind, ok, last4) => {
    const result = classifyKey(text);
    expect(result).toMatchObject({ kind, ok, last4 });
    expectNoKey(result);
  });

  it('tells a project key holder exactly what to do', () => {
    expect(classifyKey(FAKE_PROJECT_KEY).explanation).toBe(
      `This is a project key. The costs API needs an Admin key (sk-admin-…): create one at ${ADMIN_KEYS_URL} (Owner role needed).`,
    );
  });

  it.each([
    [tail('sk-svcacct-'), /^This is a service-account key/],
    [tail('sk-'), /^This is a user API key, not an Admin key/],
    [tail('ghp_'), /^This is not an OpenAI key/],
    [tail('sk-ant-api03-'), /^This looks like an Anthropic key/],
  ])('points every other kind to the Admin keys page (%#)', (text, opening) => {
    const { explanation } = classifyKey(text);
    expect(explanation).toMatch(opening);
    expect(explanation).toContain(ADMIN_KEYS_URL);
  });

  it.each([
    [' inside', `${FAKE_ADMIN_KEY.slice(0, 40)} ${FAKE_ADMIN_KEY.slice(40)}`, /paste it again as one line/],
    ['empty', '', /No key was given/],
  ])('explains a broken paste: %s', (_, text, said) => {
    expect(classifyKey(text).explanation).toMatch(said);
  });

  it('hides the last four of a short text (most of it would show)', () => {
    expect(classifyKey('sk-admin-demo')).toMatchObject({ kind: 'admin', ok: true, last4: '' });
    expect(classifyKey('hunter2').last4).toBe('');
  });
});

describe('maskKey', () => {
  it.each([
    [FAKE_ADMIN_KEY, 'sk-admin-…abcd'],
    [`${FAKE_ADMIN_KEY}\n`, 'sk-admin-…abcd'],
    [FAKE_PROJECT_KEY, 'sk-proj-…wxyz'],
    [tail('sk-svcacct-'), 'sk-svcacct-…wxyz'],
    [tail('sk-'), 'sk-…wxyz'],
    [tail('relay-'), '…wxyz'],
    ['sk-admin-demo', 'sk-admin-…'],
    ['', '…'],
  ])('%s → %s', (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });
});
