import { describe, expect, it } from 'vitest';
import { isCredentialName, redactSecrets } from '../../../../electron/core/secrets/redact';
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

  it('masks key material but keeps the words about keys, so advice still names the kind of key', () => {
    const advice =
      'create an Admin key (sk-admin-…) at the settings page; a sk-proj-… key or sk-… will not do';
    expect(redactSecrets(advice, ADMIN_KEY)).toBe(advice);
    expect(redactSecrets('an sk-admin key, an sess-… session, an sk-ant-admin01-… key')).toBe(
      'an sk-admin key, an sess-… session, an sk-ant-admin01-… key',
    );
    expect(redactSecrets(`create an Admin key (sk-admin-…), not ${ADMIN_KEY.slice(0, 40)}…`)).toBe(
      'create an Admin key (sk-admin-…), not sk-***',
    );
    expect(redactSecrets('masked sk-admin-…abcd and sk-proj-****')).toBe('masked sk-*** and sk-***');
  });

  it('removes the key itself even without an sk- prefix (a relay key)', () => {
    expect(redactSecrets('got relay-key-123456 from you', 'relay-key-123456')).toBe('got [key] from you');
  });

  it('removes every known key, and needs none to catch sk- tokens', () => {
    expect(redactSecrets('a relay-one b relay-two', ['relay-one', 'relay-two', ''])).toBe('a [key] b [key]');
    expect(redactSecrets(`leaked ${ADMIN_KEY}!`)).toBe('leaked sk-***!');
  });
});

describe('redactSecrets: credentials by name and form', () => {
  it.each([
    ['a query parameter', 'GET /v1/x?api_key=fakeValue123&limit=7', 'GET /v1/x?api_key=***&limit=7'],
    ['a header line', 'X-Api-Key: fake-relay-key-1', 'X-Api-Key: ***'],
    ['JSON', '{"access_token": "fake.token.value", "n": 2}', '{"access_token": "***", "n": 2}'],
    ['camelCase JSON', '{"apiKey":"fakeRelayKey"}', '{"apiKey":"***"}'],
    ['a password', 'password=hunter2-fake; next', 'password=***; next'],
    ['a client secret', "client_secret: 'fakesecret'", "client_secret: '***'"],
    ['an sk- key behind a name', `token=sk-admin-fake${'x'.repeat(20)}`, 'token=***'],
    ['a JSON Web Token', 'session eyJhbGciOiJfake1234.eyJzdWIiOiJfake5678.c2lnfake ok', 'session eyJ*** ok'],
    [
      'a URL password',
      'fetch https://me:fakepass@relay.example/v1 failed',
      'fetch https://me:***@relay.example/v1 failed',
    ],
    ['a long mixed value after key=', 'relay?key=AbCdEf0123456789fakeXYZ&x=1', 'relay?key=***&x=1'],
  ])('removes %s', (_, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each([
    ['request ids', 'request req_0123456789abcdef0123456789abcdef failed (429)'],
    ['organization and project ids', 'org-AbCdEf0123456789 proj_AbCdEf0123456789'],
    ['amounts and token counts', 'spent $12.34 (1,234,567 micro-dollars), input_tokens: 5000, tokens=12'],
    ['a short or plain key= value', 'key=openai:default key: baseUrl key=abcdefghijklmnopqrstuvwxyz'],
    ['hashes', 'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    [
      'words that merely contain a credential name',
      'the Secret Service keyring; max_tokens=100; passwordless',
    ],
    ['a URL without a password', 'https://api.openai.com/v1/organization/costs?start_time=1'],
  ])('keeps %s', (_, text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('isCredentialName', () => {
  it.each([
    'apiKey',
    'api_key',
    'X-Api-Key',
    'Authorization',
    'password',
    'token',
    'access_token',
    'clientSecret',
  ])('%s names a credential', (name) => expect(isCredentialName(name)).toBe(true));

  it.each(['key', 'keys', 'tokens', 'input_tokens', 'account', 'secretStore', 'id'])('%s does not', (name) =>
    expect(isCredentialName(name)).toBe(false),
  );
});
