/**
 * Proof (issue 13 §5, crash consistency): nothing a Saldo process acknowledged is lost, whether
 * other processes write at the same moment or the process is SIGKILLed in the middle of a write.
 *
 * (a) Concurrent writers: store children (add-loop.ts, bundled) record purchases, grants and
 *     calibrations side by side in the demo's ledger while real `saldo purchase add` runs and a real
 *     `saldo sync` on the demo write to it too. Lost = acknowledged, then not in the ledger.
 * (b) Kills: each kind of write (purchase add, a sync's recordSync, a settings write, calibrate) is
 *     SIGKILLed at a random moment, again and again on one data directory, and real `saldo sync`
 *     runs are killed too. After each kill every file must read, without a notice, and every entry
 *     acknowledged so far must be there. A killed writer's lock is broken by the next.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../electron/core/stores';
import { acknowledged, bundleChild, ended, type ChildBundle } from '../electron/core/stores/child-bundle';
import { BIN, REPO_ROOT, spawnSaldo } from '../electron/cli/cli-harness';
import { recordFigures } from './support/figures';

const PROOF = 'crash consistency';
let addLoop: ChildBundle;
let writeLoop: ChildBundle;
const homes: string[] = [];

beforeAll(async () => {
  [addLoop, writeLoop] = await Promise.all([
    bundleChild(path.resolve(__dirname, '../electron/core/stores/add-loop.ts')),
    bundleChild(path.resolve(__dirname, '../electron/core/stores/write-loop.ts')),
  ]);
});
afterAll(() => {
  addLoop.remove();
  writeLoop.remove();
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

function newHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-crash-'));
  homes.push(home);
  return home;
}

function saldo(home: string, args: readonly string[]) {
  return spawnSaldo(args, '', Infinity, { ...process.env, SALDO_HOME: home, OPENAI_ADMIN_KEY: '' });
}

/** Every store file in `dir` as the next start finds it: the ids it holds, or why it does not read. */
function readAll(dir: string): { ids: Set<string>; problems: string[] } {
  const problems: string[] = [];
  const opened = openStores({ dir });
  if (!opened.ok) return { ids: new Set(), problems: [opened.error.message] };
  problems.push(...opened.notices);
  for (const name of fs.readdirSync(dir)) {
    if (name.includes('.corrupt-')) problems.push(`${name} was set aside`);
  }
  return { ids: new Set(opened.ledger.read().entries.map((entry) => entry.id)), problems };
}

describe('crash consistency', () => {
  it('concurrent writers lose no acknowledged entry (≥ 400 from ≥ 2 processes, a sync beside)', async () => {
    const home = newHome();
    const demo = path.join(home, 'demo');
    // The demo's ledger exists first, so the children and the CLI share one from the start.
    expect((await saldo(home, ['purchase', 'add', '--amount', '5', '--id', 'first'])).code).toBe(0);
    const kinds = ['purchase', 'grant', 'balance', 'purchase'];
    const children = kinds.map((kind, n) => ended(addLoop.spawn([demo, `c${n}-${kind}`, '110', kind])));
    const cli = (async () => {
      const runs = [];
      for (let round = 0; round < 3; round += 1) {
        const pair = ['A', 'B'].map((side) =>
          saldo(home, ['purchase', 'add', '--amount', '5', '--id', `cli-${side}${round}`]),
        );
        runs.push(...(await Promise.all(pair)));
      }
      return runs;
    })();
    const sync = saldo(home, ['sync']);
    const [childRuns, cliRuns, syncRun] = await Promise.all([Promise.all(children), cli, sync]);

    const acked = childRuns.flatMap((run) => acknowledged(run.stdout));
    const refused = childRuns.flatMap((run) =>
      run.stdout.split('\n').filter((line) => line.startsWith('fail ')),
    );
    for (const run of cliRuns) {
      const id = /Recorded purchase (\S+)\./.exec(run.stdout)?.[1];
      if (run.code === 0 && id !== undefined) acked.push(id);
    }
    const { ids, problems } = readAll(demo);
    const lost = acked.filter((id) => !ids.has(id));
    recordFigures(PROOF, [
      {
        label: 'concurrent: writer processes',
        value: `${kinds.length + cliRuns.length + 1} (4 store, ${cliRuns.length} CLI purchase add, 1 CLI sync)`,
      },
      { label: 'concurrent: acknowledged entries', value: String(acked.length), target: '≥ 400' },
      { label: 'concurrent: lost entries', value: `${lost.length} of ${acked.length}`, target: '0' },
      { label: 'concurrent: writes refused (lock wait)', value: String(refused.length) },
    ]);
    expect(syncRun.code).toBe(0);
    expect(cliRuns.map((run) => run.code)).toEqual(cliRuns.map(() => 0));
    expect(acked.length).toBeGreaterThanOrEqual(400);
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('writers that each open, record one entry and end, two at a time, lose none (the issue loop)', async () => {
    // What two shells running `saldo purchase add` at once do: every write is a fresh open, so the
    // window between reading the file and noting its version is met on every write, not once.
    const dir = path.join(newHome(), 'demo');
    fs.mkdirSync(dir, { recursive: true });
    const acked: string[] = [];
    const pairs = 40;
    for (let n = 0; n < pairs; n += 1) {
      const runs = await Promise.all(
        ['A', 'B'].map((side) => ended(addLoop.spawn([dir, `${side}${n}`, '1', 'purchase']))),
      );
      for (const run of runs) acked.push(...acknowledged(run.stdout));
    }
    const { ids, problems } = readAll(dir);
    const lost = acked.filter((id) => !ids.has(id));
    recordFigures(PROOF, [
      {
        label: 'one entry per process, two at a time: acknowledged',
        value: `${acked.length} of ${pairs * 2}`,
        target: `${pairs * 2}`,
      },
      {
        label: 'one entry per process: lost entries',
        value: `${lost.length} of ${acked.length}`,
        target: '0',
      },
    ]);
    expect(acked.length).toBe(pairs * 2);
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('random SIGKILL during each kind of write leaves every file readable and every acknowledged entry', async () => {
    const home = newHome();
    const dir = path.join(home, 'demo');
    fs.mkdirSync(dir, { recursive: true });
    const acked: string[] = [];
    const problems: string[] = [];
    const lost: string[] = [];
    let kills = 0;
    const killAfterFirstWrite = async (child: ReturnType<ChildBundle['spawn']>) => {
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        if (timer === undefined && /^(ok|writing)/m.test(chunk.toString())) {
          timer = setTimeout(() => child.kill('SIGKILL'), Math.random() * 250);
        }
      });
      const run = await ended(child);
      if (run.signal === 'SIGKILL') kills += 1;
      else if (run.code !== 0 || run.stderr !== '') problems.push(`writer ended ${run.code}: ${run.stderr}`);
      return run;
    };
    const check = () => {
      const found = readAll(dir);
      problems.push(...found.problems);
      lost.push(...acked.filter((id) => !found.ids.has(id) && !lost.includes(id)));
    };
    const kinds = ['purchase', 'sync', 'settings', 'balance'] as const;
    for (let round = 0; round < 4; round += 1) {
      for (const kind of kinds) {
        const child =
          kind === 'sync' ? writeLoop.spawn([dir]) : addLoop.spawn([dir, `k${round}-${kind}`, '400', kind]);
        const run = await killAfterFirstWrite(child);
        if (kind !== 'settings') acked.push(...acknowledged(run.stdout));
        check();
      }
    }
    // Real CLI syncs on the demo, killed partway (loading, fetching, or writing what it fetched).
    let cliKills = 0;
    for (let n = 0; n < 3; n += 1) {
      const env = { ...process.env, SALDO_HOME: home, OPENAI_ADMIN_KEY: '' };
      const child = spawn(process.execPath, [BIN, 'sync'], { cwd: REPO_ROOT, env, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 1_000 + Math.random() * 3_000);
      const signal = await new Promise((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      clearTimeout(timer);
      if (signal === 'SIGKILL') cliKills += 1;
      check();
    }
    recordFigures(PROOF, [
      {
        label: 'kills: SIGKILLs during writes',
        value: `${kills + cliKills} (store children: purchase add, recordSync, settings, calibrate; ${cliKills} CLI sync)`,
      },
      { label: 'kills: acknowledged entries', value: String(acked.length) },
      { label: 'kills: lost entries', value: `${lost.length} of ${acked.length}`, target: '0' },
      { label: 'kills: unreadable files', value: String(problems.length), target: '0' },
    ]);
    expect(kills).toBeGreaterThanOrEqual(12);
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
