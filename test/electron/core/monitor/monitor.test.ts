/**
 * The monitor end to end: real stores in a temp dir, the demo simulator over real HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDemoMonitor, type DemoMonitor, type MonitorState } from '../../../../electron/core/monitor';
import { utcDayOf } from '../../../../electron/core/utc-day';

const START_AT = Date.UTC(2026, 10, 27, 9, 30);
/** Next to frozen: the simulated clock moves only when a test advances it. */
const FROZEN = 1e-9;

let opened: DemoMonitor | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function openDemo(): Promise<DemoMonitor & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-monitor-'));
  dirs.push(dir);
  const demo = await openDemoMonitor(dir, {
    simulator: { startAt: START_AT, speed: FROZEN },
    backend: { maxRetries: 0 },
  });
  if (!demo.ok) throw new Error(demo.error.message);
  opened = demo;
  return { ...demo, dir };
}

async function control(url: string, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `${route}: ${await response.text()}`).toBe(true);
}

describe('the demo monitor', () => {
  it('backfills, evaluates, and signals only real changes', async () => {
    const { monitor, simulatorUrl, dir } = await openDemo();
    expect(monitor.state()).toEqual({ backend: 'demo', lastSync: null, result: null });
    const changes: MonitorState[] = [];
    monitor.onChange((state) => changes.push(state));

    const first = await monitor.syncOnce();
    expect(first).toMatchObject({ ok: true, changed: true, at: START_AT });
    const { result, lastSync } = monitor.state();
    expect(lastSync).toMatchObject({ ok: true, at: START_AT });
    expect(result).not.toBeNull();
    expect(result!.balance).toBeGreaterThan(0n);
    expect(result!.usageByMonth.size).toBeGreaterThan(1);
    expect(result!.rejected).toEqual([]);
    expect(changes).toHaveLength(1);

    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8')) as {
      costs: { day: string }[];
      cursor: { costsAt: number };
    };
    const days = new Set(stored.costs.map((row) => row.day));
    expect(days.has(utcDayOf(START_AT))).toBe(true);
    expect(days.size).toBeGreaterThan(60);
    expect(stored.cursor.costsAt).toBe(START_AT);

    const second = await monitor.syncOnce();
    expect(second).toMatchObject({ ok: true, changed: false });
    expect(changes).toHaveLength(1);

    await control(simulatorUrl, '/sim/clock/advance', { days: 1 });
    const third = await monitor.syncOnce();
    expect(third).toMatchObject({ ok: true, changed: true });
    expect(changes).toHaveLength(2);
    expect(changes[1]!.result).not.toEqual(result);
  });

  it('keeps the stored ledger byte for byte when a sync fails, and reports the error as a value', async () => {
    const { monitor, simulatorUrl, dir } = await openDemo();
    expect((await monitor.syncOnce()).ok).toBe(true);
    const file = path.join(dir, 'ledger.json');
    const before = fs.readFileSync(file);
    const resultBefore = monitor.state().result;
    let fired = 0;
    monitor.onChange(() => fired++);

    await control(simulatorUrl, '/sim/clock/advance', { days: 1 });
    await control(simulatorUrl, '/sim/faults', { count: 10, status: 500 });
    const failed = await monitor.syncOnce();
    expect(failed).toMatchObject({ ok: false, error: { source: 'backend', error: { kind: 'server' } } });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(monitor.state().lastSync).toMatchObject({ ok: false });
    expect(monitor.state().result).toBe(resultBefore);
    expect(fired).toBe(0);
    expect(JSON.stringify(failed)).not.toContain('sk-admin');
  });
});
