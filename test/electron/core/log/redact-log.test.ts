/** redactDeep and the log hook on every shape a log call may be given. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redactDeep, redactLogMessage } from '../../../../electron/core/log';
import { ApiKey } from '../../../../electron/core/secrets';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, KEY_MARK } from '../secrets/secrets-test-kit';

class RelayError extends Error {
  override name = 'RelayError';
  constructor(
    message: string,
    readonly status: number,
    readonly headers: Record<string, string>,
  ) {
    super(message);
  }
}

describe('redactDeep', () => {
  it('redacts strings at any depth, keeping what is around the key', () => {
    const data = {
      message: `OpenAI said: Incorrect API key provided: ${FAKE_ADMIN_KEY}.`,
      nested: { list: ['fine', [`Bearer ${FAKE_PROJECT_KEY}`]], count: 3 },
    };
    const redacted = redactDeep(data);
    expect(redacted).toEqual({
      message: 'OpenAI said: Incorrect API key provided: sk-***.',
      nested: { list: ['fine', ['Bearer ***']], count: 3 },
    });
    expectNoKey(redacted);
    // The input is left as it was: the caller may still need it.
    expect(data.message).toContain(FAKE_ADMIN_KEY);
  });

  it('hides any value under a credential name, whatever its form', () => {
    const headers = { Authorization: 'Basic ZmFrZTpmYWtl', 'X-Api-Key': 'fake-relay', accept: 'json' };
    expect(redactDeep({ headers, apiKey: 'relay-fake-1', password: '', token: 7 })).toEqual({
      headers: { Authorization: '***', 'X-Api-Key': '***', accept: 'json' },
      apiKey: '***',
      password: '',
      token: 7,
    });
  });

  it('keeps ordinary ids, amounts and other values as they are', () => {
    const at = new Date(Date.UTC(2026, 10, 27));
    const bytes = Buffer.from('abc');
    const data = {
      requestId: 'req_0123456789abcdef0123456789abcdef',
      project: 'proj_AbCdEf0123456789',
      amountMicros: 12_340_000,
      big: 2n ** 60n,
      none: null,
      missing: undefined,
      ok: true,
      at,
      bytes,
    };
    const redacted = redactDeep(data) as typeof data;
    expect(redacted).toEqual(data);
    expect(redacted.at).toBe(at);
    expect(redacted.bytes).toBe(bytes);
  });

  it('masks an ApiKey wherever it sits', () => {
    const key = new ApiKey(FAKE_ADMIN_KEY);
    const redacted = redactDeep([key, { key }, new Map([['key', key]])]);
    expect(redacted).toEqual([
      'sk-admin-…abcd',
      { key: 'sk-admin-…abcd' },
      new Map([['key', 'sk-admin-…abcd']]),
    ]);
  });

  it('copies an Error as the same kind, with message, stack, cause and own fields redacted', () => {
    const cause = new TypeError(`Invalid header value ${FAKE_PROJECT_KEY}`);
    const error = new RelayError(`relay refused ${FAKE_ADMIN_KEY}`, 401, {
      authorization: `Bearer ${FAKE_ADMIN_KEY}`,
    });
    Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
    const redacted = redactDeep(error) as RelayError & { cause: TypeError };

    expect(redacted).toBeInstanceOf(RelayError);
    expect(redacted.name).toBe('RelayError');
    expect(redacted.message).toBe('relay refused sk-***');
    expect(redacted.stack).toMatch(/^RelayError: relay refused sk-\*\*\*\n\s+at /);
    expect(redacted.status).toBe(401);
    expect(redacted.headers).toEqual({ authorization: '***' });
    expect(redacted.cause).toBeInstanceOf(TypeError);
    expect(redacted.cause.message).toBe('Invalid header value sk-***');
    expect(Object.keys(redacted)).toEqual(Object.keys(error));
    expectNoKey(redacted);
    expect(inspect(redacted)).toContain('relay refused sk-***');
    // The original is untouched.
    expect(error.message).toContain(FAKE_ADMIN_KEY);
  });

  it('redacts the errors of an AggregateError', () => {
    const redacted = redactDeep(new AggregateError([new Error(FAKE_ADMIN_KEY)], 'both failed'));
    expect(redacted).toBeInstanceOf(AggregateError);
    expect((redacted as AggregateError).errors[0]).toMatchObject({ message: 'sk-***' });
    expectNoKey(redacted);
  });

  it('survives cycles, keeping them as cycles in the copy', () => {
    const node: Record<string, unknown> = { secret: 'fake-hidden', text: `key ${FAKE_ADMIN_KEY}` };
    node.self = node;
    node.list = [node];
    const error = new Error(`loop ${FAKE_ADMIN_KEY}`);
    Object.assign(error, { again: error });
    const [copy, errorCopy] = redactDeep([node, error]) as [typeof node, Error & { again: unknown }];
    expect(copy.self).toBe(copy);
    expect((copy.list as unknown[])[0]).toBe(copy);
    expect(copy).toMatchObject({ secret: '***', text: 'key sk-***' });
    expect(errorCopy.again).toBe(errorCopy);
    // Not expectNoKey: JSON cannot render a cycle.
    expect(inspect([copy, errorCopy], { depth: Infinity, showHidden: true })).not.toContain(KEY_MARK);
  });

  it('turns other instances into their redacted inspect text', () => {
    const url = new URL(`https://me:fakepass@relay.example/v1?api_key=${FAKE_PROJECT_KEY}&limit=2`);
    const redacted = redactDeep({ url, set: new Set([FAKE_ADMIN_KEY, 'plain']) }) as { url: string };
    expect(redacted.url).toMatch(/^URL \{/);
    expect(redacted.url).toContain('relay.example/v1?api_key=***&limit=2');
    expect(redacted.url).not.toContain('fakepass');
    expect(redacted).toMatchObject({ set: new Set(['sk-***', 'plain']) });
    expectNoKey(redacted);
  });
});

describe('redactLogMessage', () => {
  it('redacts the data and keeps the rest of the message', () => {
    const date = new Date();
    const message = { data: [`key ${FAKE_ADMIN_KEY}`, 42], date, level: 'info' as const, scope: 'poller' };
    expect(redactLogMessage(message)).toEqual({
      data: ['key sk-***', 42],
      date,
      level: 'info',
      scope: 'poller',
    });
    expect(message.data[0]).toContain(FAKE_ADMIN_KEY);
  });
});
