/**
 * Proof (issue 13 §3 and §5, bridge fuzz): an event-stream flood does not take the server's memory.
 * A real `saldo serve --demo` child gets 200 authenticated streams that never read, then 250 state
 * changes; its resident memory (/proc/<pid>/status) is read before, throughout and after the clients
 * go. Before the streams were bounded, 100 such streams and 250 changes took it from 205 MB to
 * 2,028 MB, and it stayed there.
 *
 * Why 250 changes, not the 60: on Linux the kernel holds about 4 MB per socket (the
 * sender's largest send buffer and the receiver's first window) before anything piles up in the
 * server, and 60 snapshots of the demo (some 22 KB each) fit in that.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whileSaldoRuns } from '../electron/cli/cli-harness';
import { openEvents, openStalledEvents } from '../electron/cli/serve/serve-harness';
import { recordFigures } from './support/figures';

const STREAMS = 200;
const CHANGES = 250;
const MB = 1024 * 1024;
/** What the flood may add to the server's memory, at its peak and once its clients are gone. */
const PEAK_GROWTH_MB = 100;
const AFTER_GROWTH_MB = 60;

const homes: string[] = [];
afterAll(() => {
  for (const dir of homes) fs.rmSync(dir, { recursive: true, force: true });
});

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round((Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024) / MB);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an event-stream flood against saldo serve', () => {
  it.runIf(process.platform === 'linux')(
    'keeps the server’s memory bounded while clients do not read, and gives it back when they go',
    async () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-flood-'));
      homes.push(home);
      let before = 0;
      let peak = 0;
      let after = 0;
      const statuses: number[] = [];
      await whileSaldoRuns(
        ['serve', '--demo', '--port', '0'],
        async (stdout, pid) => {
          const [, url, port, token] = /(http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]+)/.exec(stdout)!;
          const call = async (channel: string, request: unknown) => {
            const response = await fetch(`${url}/api/call/${channel}`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${token}` },
              body: JSON.stringify(request),
            });
            return (await response.json()) as { ok: boolean; value?: { sync?: { lastOkAt: number | null } } };
          };
          // The first sync fills the demo's history: each snapshot is its full size from then on.
          await expect
            .poll(async () => (await call('state:get', {})).value?.sync?.lastOkAt ?? null, {
              timeout: 30_000,
            })
            .not.toBeNull();
          before = residentMb(pid);

          const streams = Array.from({ length: STREAMS }, () => openStalledEvents(Number(port), token!));
          statuses.push(...(await Promise.all(streams.map((stream) => stream.status()))));
          for (let i = 1; i <= CHANGES; i++) {
            expect(await call('settings:update', { monthlyBudget: String(i) })).toMatchObject({ ok: true });
            if (i % 10 === 0) peak = Math.max(peak, residentMb(pid));
          }
          await sleep(500);
          peak = Math.max(peak, residentMb(pid));

          for (const stream of streams) stream.close();
          await sleep(2000);
          after = residentMb(pid);

          // Still serving: a new stream hears the latest state at once.
          const fresh = await openEvents(url!, token!);
          const state = await fresh.next((message) => message.event === 'state:changed');
          fresh.close();
          expect(state.data).toContain(`"monthlyBudget":"${CHANGES}"`);
        },
        { ...process.env, SALDO_HOME: home },
      );

      const accepted = statuses.filter((status) => status === 200).length;
      const refused = statuses.filter((status) => status === 503).length;
      recordFigures('bridge fuzz', [
        { label: `SSE flood (${STREAMS} streams × ${CHANGES} changes): RSS before`, value: `${before} MB` },
        {
          label: 'SSE flood: peak RSS',
          value: `${peak} MB`,
          target: `≤ ${before + PEAK_GROWTH_MB} MB (before + ${PEAK_GROWTH_MB})`,
        },
        {
          label: 'SSE flood: RSS after clients drop',
          value: `${after} MB`,
          target: `≤ ${before + AFTER_GROWTH_MB} MB (before + ${AFTER_GROWTH_MB})`,
        },
        { label: 'SSE flood: streams accepted / refused (503)', value: `${accepted} / ${refused}` },
      ]);
      expect(accepted + refused).toBe(STREAMS);
      expect(peak).toBeLessThanOrEqual(before + PEAK_GROWTH_MB);
      expect(after).toBeLessThanOrEqual(before + AFTER_GROWTH_MB);
    },
    90_000,
  );
});
