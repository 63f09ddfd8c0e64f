/**
 * Proof (issue 13 §5, secret search): a recognisable fake key against a hostile provider on
 * 127.0.0.1 that echoes it whole, without its `sk-`, and in pieces — in error bodies, line-item
 * names, project ids and headers. Every command is run as a real `saldo` child with the key in
 * OPENAI_ADMIN_KEY (mistyped arguments holding the key too), and again with the key set into the
 * real keychain by `saldo key set --base-url` (scripts/with-keyring.sh); the bridge is asked what
 * the dashboard asks, in process and over a real `saldo serve` (its HTTP answers and its SSE
 * stream); the BUILT desktop main runs on fake Electron against the same server and quits. Then
 * every output, answer, event, `main.log` and file under each data directory is searched for the
 * key, whole and in every 12-character piece.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatch, openBridgeSession, type BridgeEvent } from '../../electron/core/bridge';
import { MemorySecretStore } from '../../electron/core/secrets';
import { spawnSaldo, whileSaldoRuns } from '../electron/cli/cli-harness';
import { openEvents, raw } from '../electron/cli/serve/serve-harness';
import { buildDesktop, runBuiltMain } from '../support/built-desktop';
import { startRecordingServer, type RecordingServer } from '../support/recording-server';
import { recordFigures } from './support/figures';

const PROOF = 'secret search';
/** Recognisable, and with no run that occurs in anything Saldo would write by itself. */
const KEY = 'sk-admin-QuokkaZ7x9Wm2Vr4Kt8Yh3Jd6Fg1Sa5Ce0Ui';
const BARE = KEY.slice(3);
const PIECES = Array.from({ length: Math.ceil((KEY.length - 3) / 13) }, (_, i) =>
  KEY.slice(3 + i * 13, 3 + i * 13 + 13),
);
const TODAY_S = Math.floor(Date.now() / 86_400_000) * 86_400;

/** Every 12-character window of the key, and the key itself. */
const NEEDLES = [KEY, ...Array.from({ length: KEY.length - 11 }, (_, at) => KEY.slice(at, at + 12))];

function occurrences(text: string): number {
  return NEEDLES.reduce((sum, needle) => sum + text.split(needle).length - 1, 0);
}

function echoing(route: string) {
  const echo = `Incorrect API key provided: ${BARE} (${PIECES.join(' ')}) ${KEY}`;
  const headers = { 'x-echo': BARE, 'openai-organization': PIECES.join('-') };
  if (route.includes('/organization/costs')) {
    const results = [
      {
        object: 'organization.costs.result',
        amount: { value: 1.25, currency: 'usd' },
        line_item: `gpt ${BARE}`,
        project_id: PIECES[1],
      },
      {
        object: 'organization.costs.result',
        amount: { value: 0.5, currency: 'usd' },
        line_item: PIECES.join(' '),
        project_id: null,
      },
    ];
    const data = [{ object: 'bucket', start_time: TODAY_S - 86_400, end_time: TODAY_S, results }];
    return {
      status: 200,
      headers,
      body: JSON.stringify({ object: 'page', data, has_more: false, next_page: null }),
    };
  }
  const status = route.includes('credit_grants') ? 401 : 500;
  return {
    status,
    headers,
    body: JSON.stringify({ error: { message: echo, type: 'server_error', code: BARE } }),
  };
}

const KEYRING_EXPECTED = process.env.SALDO_TEST_KEYRING === '1';

let server: RecordingServer;
const homes: string[] = [];
function newHome(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-secret-search-'));
  homes.push(dir);
  return dir;
}
beforeAll(async () => {
  server = await startRecordingServer(echoing);
});
afterAll(async () => {
  await server.close();
  for (const dir of homes) fs.rmSync(dir, { recursive: true, force: true });
});

interface Place {
  place: string;
  text: string;
}
/** Everything searched, by every part of the proof; the last test adds it up. */
const searched: Place[] = [];
const counts = { commands: 0, answers: 0, events: 0, sse: 0, files: 0, mainLogLines: 0, mainKeyed: 0 };
const timings: string[] = [];

/** Environment of a `saldo` child against the hostile server; no key unless given. */
function childEnv(home: string, key?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SALDO_HOME: home, OPENAI_BASE_URL: `${server.origin}/v1` };
  delete env.SALDO_DEMO;
  delete env.OPENAI_ADMIN_KEY;
  if (key !== undefined) env.OPENAI_ADMIN_KEY = key;
  return env;
}

function searchFiles(dir: string): void {
  for (const file of filesUnder(dir)) {
    searched.push({ place: file, text: fs.readFileSync(file, 'utf8') });
    counts.files += 1;
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

it('every command with OPENAI_ADMIN_KEY, and the bridge in process with its events', async () => {
  const home = newHome();
  const env = childEnv(home, KEY);
  const exportJson = path.join(home, '..', `saldo-secret-search-${process.pid}.json`);
  const exportCsv = path.join(home, '..', `saldo-secret-search-${process.pid}.csv`);
  const commands: string[][] = [
    ['sync'],
    ['sync', '--json'],
    ['status'],
    ['status', '--json'],
    ['check'],
    ['ledger', 'list'],
    ['export', '--format', 'json', '--out', exportJson],
    ['export', '--format', 'csv', '--out', exportCsv],
    ['export', '--format', 'csv'],
    ['key', 'test'],
    ['key', 'status'],
    ['alerts'],
    [KEY],
    [BARE],
    ['status', `--${KEY}`],
    ['status', `--${BARE}`],
    ['evaluate', `/tmp/${BARE}.json`],
    ['key', 'set', KEY],
    ['export', '--format', 'json', '--out', `/nonexistent/${BARE}/x.json`],
    ['status', '--json'],
  ];
  for (const args of commands) {
    const run = await spawnSaldo(args, '', Infinity, env);
    searched.push({ place: `saldo ${args.join(' ')}`, text: run.stdout + run.stderr });
  }
  counts.commands += commands.length;
  const synced = await spawnSaldo(['status', '--json'], '', Infinity, env);
  expect(JSON.parse(synced.stdout)).toMatchObject({ backend: 'openai' });

  // The bridge, as the dashboard asks it, with every event it tells.
  const opened = await openBridgeSession({
    env: { SALDO_HOME: home, OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: `${server.origin}/v1` },
    dir: home,
    openSecrets: async () => new MemorySecretStore(),
    client: { maxRetries: 0 },
  });
  if (!opened.ok) throw new Error(opened.message);
  const events: BridgeEvent[] = [];
  opened.session.subscribe((event) => events.push(event));
  for (const [channel, payload] of BRIDGE_ASKS) {
    const answer = await dispatch(opened.session.handlers, channel, payload, { checkResponses: true });
    searched.push({ place: `bridge ${channel}`, text: JSON.stringify(answer) });
  }
  await opened.session.close();
  for (const [index, event] of events.entries()) {
    searched.push({ place: `bridge event ${index}`, text: JSON.stringify(event) });
  }
  counts.answers += BRIDGE_ASKS.length;
  counts.events += events.length;
  expect(events.length).toBeGreaterThan(0);

  searchFiles(home);
  for (const file of [exportJson, exportCsv]) {
    expect(fs.existsSync(file), file).toBe(true);
    searched.push({ place: file, text: fs.readFileSync(file, 'utf8') });
    fs.rmSync(file);
  }
  counts.files += 2;
});

/** What the dashboard asks: a sync first, so what follows holds what the hostile server said. */
const BRIDGE_ASKS = [
  ['sync:refresh-now', {}],
  ['state:get', {}],
  ['key:test', {}],
  ['settings:get', {}],
  ['state:get', {}],
] as const;

it('a real saldo serve: its HTTP answers and the SSE stream through a sync against the server', async () => {
  const home = newHome();
  const started = Date.now();
  const ended = await whileSaldoRuns(
    ['serve', '--port', '0'],
    async (stdout) => {
      searched.push({ place: 'saldo serve stdout', text: stdout });
      const [, portText, token] = /127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(stdout)!;
      const port = Number(portText);
      const stream = await openEvents(`http://127.0.0.1:${port}`, token!);
      expect(stream.status).toBe(200);
      await stream.next((message) => message.event === 'state:changed');
      const before = new Set(stream.messages);
      for (const [channel, payload] of BRIDGE_ASKS) {
        const answer = await raw(port, {
          method: 'POST',
          path: `/api/call/${channel}`,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        expect(answer.status, channel).toBe(200);
        searched.push({ place: `serve ${channel}`, text: JSON.stringify(answer.headers) + answer.body });
      }
      // The snapshot the sync changed, as the stream told it: it names what the server sent.
      const changed = await stream.next(
        (message) =>
          !before.has(message) &&
          message.event === 'state:changed' &&
          /"lastAttemptAt":\d/.test(message.data),
      );
      expect(changed.data).toContain('"backend":{"name":"openai"');
      stream.close();
      searched.push({ place: 'serve SSE stream', text: stream.text() });
      counts.sse += stream.messages.length;
      counts.answers += BRIDGE_ASKS.length;
    },
    childEnv(home, KEY),
  );
  searched.push({ place: 'saldo serve stderr', text: ended.stderr });
  searchFiles(home);
  timings.push(`serve ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

it(`the key set into the ${KEYRING_EXPECTED ? 'real keychain' : 'keychain (or: unavailable)'} by saldo key set --base-url`, async () => {
  const home = newHome();
  const env = childEnv(home);
  const set = await spawnSaldo(
    ['key', 'set', '--base-url', `${server.origin}/v1`],
    `${KEY}\n`,
    Infinity,
    env,
  );
  searched.push({ place: 'saldo key set --base-url', text: set.stdout + set.stderr });
  if (KEYRING_EXPECTED)
    expect(set, 'with-keyring.sh provides an unlocked gnome-keyring').toMatchObject({ code: 0 });
  else expect(set.code).toBe(2);
  const commands = [
    ['sync', '--json'],
    ['status', '--json'],
    ['status'],
    ['key', 'status'],
    ['key', 'test'],
    ['check'],
  ];
  for (const args of commands) {
    const run = await spawnSaldo(args, '', Infinity, env);
    searched.push({ place: `keychain: saldo ${args.join(' ')}`, text: run.stdout + run.stderr });
  }
  counts.commands += commands.length + 1;
  if (KEYRING_EXPECTED) {
    const status = await spawnSaldo(['status', '--json'], '', Infinity, env);
    expect(JSON.parse(status.stdout)).toMatchObject({ backend: 'openai' });
  }
  searchFiles(home);
  const cleared = await spawnSaldo(['key', 'clear'], '', Infinity, env);
  expect(cleared.code, cleared.stderr).toBe(KEYRING_EXPECTED ? 0 : 2);
});

it(
  'the built desktop main on fake Electron: main.log and everything under its home',
  { timeout: 90_000 },
  async () => {
    const home = newHome();
    const out = path.join(home, '..', `saldo-secret-search-out-${process.pid}`);
    homes.push(out);
    const building = Date.now();
    await buildDesktop(out);
    timings.push(`desktop build ${((Date.now() - building) / 1000).toFixed(1)} s`);
    const running = Date.now();
    const quitFile = path.join(out, 'quit');
    const asked = server.requests.length;
    const ran = runBuiltMain({
      out,
      home,
      env: { OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: `${server.origin}/v1`, SALDO_QUIT_FILE: quitFile },
    });
    // Quit once main has logged the failed sync the echoes caused: this server never lets it show a
    // balance, which is when the runner quits by itself.
    const mainLog = path.join(home, 'logs', 'main.log');
    const logged = () => fs.existsSync(mainLog) && fs.readFileSync(mainLog, 'utf8').includes('sync failed');
    for (const giveUp = Date.now() + 30_000; !logged() && Date.now() < giveUp;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    fs.writeFileSync(quitFile, '');
    const report = await ran;
    timings.push(`desktop main ${((Date.now() - running) / 1000).toFixed(1)} s`);
    searched.push({ place: 'desktop main report', text: JSON.stringify(report) });
    const fromMain = server.requests.slice(asked);
    counts.mainKeyed = fromMain.filter((request) => request.authorization === `Bearer ${KEY}`).length;
    expect(counts.mainKeyed).toBeGreaterThan(0);
    const log = fs.readFileSync(mainLog, 'utf8');
    counts.mainLogLines = log.split('\n').filter(Boolean).length;
    // The failure and its message (what the hostile server echoed the key into) are in the log.
    expect(log).toMatch(/sync failed \(backend /);
    searchFiles(home);
  },
);

it('finds the key, whole or in any 12-character piece, nowhere Saldo writes or answers', () => {
  const found = searched.filter(({ text }) => occurrences(text) > 0);
  const total = searched.reduce((sum, { text }) => sum + occurrences(text), 0);
  const keyed = server.requests.filter((request) => request.authorization === `Bearer ${KEY}`).length;
  recordFigures(PROOF, [
    { label: 'occurrences of the key or a 12-char piece', value: String(total), target: '0' },
    {
      label: 'places searched (outputs, answers, events, SSE, main.log, files)',
      value: String(searched.length),
    },
    { label: 'files searched under the data directories (main.log included)', value: String(counts.files) },
    { label: 'main.log lines searched (built main, fake Electron)', value: String(counts.mainLogLines) },
    { label: 'commands run (mistyped ones with the key included)', value: String(counts.commands) },
    {
      label: 'bridge answers / events / SSE messages searched',
      value: `${counts.answers} / ${counts.events} / ${counts.sse}`,
    },
    { label: 'key from', value: KEYRING_EXPECTED ? 'OPENAI_ADMIN_KEY and the keychain' : 'OPENAI_ADMIN_KEY' },
    {
      label: 'requests the hostile server echoed the key to (from the desktop main)',
      value: `${keyed} (${counts.mainKeyed})`,
    },
    { label: 'time', value: timings.join(', ') },
  ]);
  expect(found.map(({ place }) => place)).toEqual([]);
  expect(total).toBe(0);
  // The search means something only if the server was asked with the key and echoed it.
  expect(keyed).toBeGreaterThan(0);
  expect(counts.sse).toBeGreaterThan(0);
  expect(counts.mainLogLines).toBeGreaterThan(0);
});
