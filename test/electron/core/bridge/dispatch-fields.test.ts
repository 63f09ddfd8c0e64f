/**
 * The field a refused request is named by, when that name is the caller's own text (an unknown
 * field): found by the bridge fuzz proof (test/proofs/bridge-fuzz.test.ts), where `{"": true}` was
 * refused on field "" (an error naming nothing) and a 10,000-character name made an error the
 * contract's own schema refuses (a field is at most 200 characters).
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, type BridgeHandlers } from '../../../../shared/bridge/channels';
import { dispatch } from '../../../../electron/core/bridge';

/** No handler may run: every payload here is refused before one would. */
const handlers = new Proxy({} as BridgeHandlers, {
  get: () => () => Promise.reject(new Error('a handler ran')),
});

describe('dispatch names a refused field the contract can carry', () => {
  it.each([
    ['an empty name', { '': true }],
    ['an empty name beside a valid field', { language: 'nl', '': true }],
    ['a name longer than a field may be', { ['k'.repeat(10_000)]: 1 }],
  ])('%s: refused on field request', async (_name, payload) => {
    const answer = await dispatch(handlers, 'settings:update', payload);
    expect(answer).toEqual({ ok: false, error: { field: 'request', message: 'is not a known field' } });
    expect(CHANNELS['settings:update'].response.safeParse(answer).success).toBe(true);
  });

  it('a short unknown name is still named as sent', async () => {
    expect(await dispatch(handlers, 'state:get', { colour: 'red' })).toEqual({
      ok: false,
      error: { field: 'colour', message: 'is not a known field' },
    });
  });
});
