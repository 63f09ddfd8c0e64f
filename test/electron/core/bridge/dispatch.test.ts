/**
 * `dispatch`, the one entry both transports use: the channel is checked, the payload parsed with the
 * channel's request schema before any handler sees it, the answer checked against the response
 * schema. Handlers here record what they were handed; the session's suite runs the real ones.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type BridgeHandlers, type Channel } from '../../../../shared/bridge/channels';
import { failure } from '../../../../shared/bridge/result';
import { dispatch } from '../../../../electron/core/bridge';
import { FAKE_ADMIN_KEY, KEY_MARK } from '../secrets/secrets-test-kit';

/** Every handler answers a refusal naming its channel, and records the request it was handed. */
function recordingHandlers(): BridgeHandlers & { seen: [Channel, unknown][] } {
  const seen: [Channel, unknown][] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      async (request: unknown) => {
        seen.push([channel, request]);
        return failure('handled', channel);
      },
    ]),
  ) as unknown as BridgeHandlers;
  return Object.assign(handlers, { seen });
}

describe('dispatch', () => {
  it('hands the parsed request to the channel named, and its answer back', async () => {
    const handlers = recordingHandlers();
    const answer = await dispatch(handlers, 'ledger:add-purchase', { amount: '20', id: 'INV-1' });
    expect(answer).toEqual(failure('handled', 'ledger:add-purchase'));
    expect(handlers.seen).toEqual([['ledger:add-purchase', { amount: '20', id: 'INV-1' }]]);
  });

  it.each([
    ['no-such:channel', {}],
    ['__proto__', {}],
    ['toString', {}],
  ])('refuses the unknown channel %j without calling anything', async (channel, payload) => {
    const handlers = recordingHandlers();
    expect(await dispatch(handlers, channel, payload)).toEqual({
      ok: false,
      error: { field: 'channel', message: 'is not a channel of the bridge contract' },
    });
    expect(handlers.seen).toEqual([]);
  });

  it.each([null, [], 'text', 42, undefined])(
    'refuses a payload %j that is no object, as field request',
    async (payload) => {
      const handlers = recordingHandlers();
      expect(await dispatch(handlers, 'state:get', payload)).toEqual({
        ok: false,
        error: { field: 'request', message: 'must be a JSON object' },
      });
      expect(handlers.seen).toEqual([]);
    },
  );

  it.each([
    ['ledger:add-purchase', {}, 'amount'],
    ['ledger:add-purchase', { amount: 20 }, 'amount'],
    ['ledger:add-purchase', { amount: '20', extra: true }, 'extra'],
    ['state:get', { anything: 1 }, 'anything'],
    ['auto-recharge:set', { settings: { enabled: 'yes' }, apply: false }, 'settings.enabled'],
    ['settings:update', { language: 'fr' }, 'language'],
    ['data:export', { format: 'xml' }, 'format'],
  ])('%s %j: refused on field %s before the handler runs', async (channel, payload, field) => {
    const handlers = recordingHandlers();
    const answer = await dispatch(handlers, channel, payload);
    expect(answer).toMatchObject({ ok: false, error: { field } });
    expect(handlers.seen).toEqual([]);
  });

  it('never sends back a key that was pasted where a field name goes', async () => {
    const answer = await dispatch(recordingHandlers(), 'state:get', { [FAKE_ADMIN_KEY]: 1 });
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).not.toContain(KEY_MARK);
  });

  it('takes only the changes named in settings:update (no defaults filled in)', async () => {
    const handlers = recordingHandlers();
    await dispatch(handlers, 'settings:update', { language: 'nl' });
    expect(handlers.seen).toEqual([['settings:update', { language: 'nl' }]]);
  });

  it('turns an answer outside the contract into an error value on field response', async () => {
    const handlers = recordingHandlers();
    handlers['key:set'] = async () => ({ ok: true, value: { kind: 'admin', last4: FAKE_ADMIN_KEY } });
    const answer = await dispatch(
      handlers,
      'key:set',
      { key: 'x', baseUrl: 'https://api.openai.com/v1' },
      { checkResponses: true },
    );
    expect(answer).toMatchObject({ ok: false, error: { field: 'response' } });
    expect(JSON.stringify(answer)).not.toContain(KEY_MARK);
    // Unchecked (production), the answer goes as it is.
    expect(
      await dispatch(
        handlers,
        'key:set',
        { key: 'x', baseUrl: 'https://api.openai.com/v1' },
        { checkResponses: false },
      ),
    ).toMatchObject({
      ok: true,
    });
  });

  it('turns a handler that throws into an error value, without its message', async () => {
    const handlers = recordingHandlers();
    handlers['state:get'] = async () => {
      throw new TypeError(`boom ${FAKE_ADMIN_KEY}`);
    };
    const answer = await dispatch(handlers, 'state:get', {});
    expect(answer).toEqual({
      ok: false,
      error: { field: 'internal', message: 'the state:get handler failed (TypeError)' },
    });
  });
});
