/**
 * The dashboard as a user meets it: `saldo serve --demo` in-process (the real bridge service, the
 * real embedded simulator sped up, real stores in a temp directory) and the contract over HTTP with
 * the run's token, for checking what the UI did.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/bridge';
import { startDashboardServer, type DashboardServer } from '../../../electron/cli/serve/server';
import { MemorySecretStore } from '../../../electron/core/secrets';

export const RENDERER_DIR = path.resolve(__dirname, '../../../dist/renderer');

export interface DemoDashboard {
  server: DashboardServer;
  home: string;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  close(): Promise<void>;
}

/** The demo on a simulator running `speed` times real time; the first sync runs at start. */
export async function startDemoDashboard(speed: number): Promise<DemoDashboard> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}: not built (run: npm run build:renderer)`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-e2e-'));
  const secrets = new MemorySecretStore();
  const started = await startDashboardServer({
    env: { SALDO_HOME: home },
    port: 0,
    demo: true,
    openSecrets: async () => secrets,
    session: { demo: { simulator: { speed } } },
  });
  if (!started.ok) throw new Error(`${started.field}: ${started.message}`);
  const { server } = started;
  return {
    server,
    home,
    async call(channel, request) {
      const response = await fetch(`${server.url}/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      return (await response.json()) as never;
    },
    async close() {
      await server.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
