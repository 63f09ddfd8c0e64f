/**
 * The renderer's HTTP + SSE client of the bridge contract against the real `saldo serve` server:
 * answers parsed with the contract, a wrong token refused, events read from the stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../shared/bridge';
import { createHttpBridge } from '../../renderer/transport/http-bridge';
import { startDemoDashboard, type DemoDashboard } from './support/dashboard';

let dashboard: DemoDashboard;

beforeAll(async () => {
  dashboard = await startDemoDashboard(1);
});
afterAll(async () => {
  await dashboard?.close();
});

describe('createHttpBridge against saldo serve', () => {
  it('calls a channel and gets the contract’s answer, errors as values naming the field', async () => {
    const bridge = createHttpBridge({ token: dashboard.server.token, base: dashboard.server.url });
    const settings = await bridge.call('settings:get', {});
    expect(settings).toMatchObject({ ok: true, value: { backend: 'demo' } });
    const refused = await bridge.call('ledger:add-purchase', { amount: '60' });
    expect(refused).toMatchObject({ ok: false, error: { field: 'amount' } });
    bridge.close();
  });

  it('reports a wrong token as such, without throwing', async () => {
    const bridge = createHttpBridge({ token: 'not-the-token', base: dashboard.server.url });
    await expect(bridge.call('state:get', {})).resolves.toEqual({
      ok: false,
      error: { field: 'token', message: 'unauthorized' },
    });
    bridge.close();
  });

  it('hears state:changed at once on connecting, and again after a change', async () => {
    const connections: boolean[] = [];
    const bridge = createHttpBridge({
      token: dashboard.server.token,
      base: dashboard.server.url,
      onConnection: (up) => connections.push(up),
    });
    const states: DashboardState[] = [];
    const first = new Promise<void>((resolve) =>
      bridge.on('state:changed', (state) => {
        states.push(state);
        resolve();
      }),
    );
    await first;
    expect(connections).toEqual([true]);
    const recorded = await bridge.call('ledger:add-grant', { amount: '3', id: 'bridge-test-grant' });
    expect(recorded.ok).toBe(true);
    await expect
      .poll(() => states.some((state) => state.entries.some((entry) => entry.id === 'bridge-test-grant')))
      .toBe(true);
    bridge.close();
  });
});
