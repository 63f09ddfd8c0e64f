/**
 * Proof (issue 13 §5, secret search): a recognisable fake key against a hostile provider on
 * 127.0.0.1 that echoes it whole, without its `sk-`, and in pieces — in error bodies, line-item
 * names, project ids and headers. Every command is run as a real `saldo` child with the key in
 * OPENAI_ADMIN_KEY (mistyped arguments holding the key too), and the bridge is asked what the
 * dashboard asks, its events kept; then every output, answer, event and file under the data
 * directory (logs included) is searched for the key, whole and in every 12-character piece.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatch, openBridgeSession, type BridgeEvent } from '../../electron/core/bridge';
import { MemorySecretStore } from '../../electron/core/secrets';
import { spawnSaldo } from '../electron/cli/cli-harness';
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

let server: RecordingServer;
let home: string;
beforeAll(async () => {
  server = await startRecordingServer(echoing);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-secret-search-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

it(
  'finds the key, whole or in any 12-character piece, nowhere Saldo writes or answers',
  { timeout: 60_000 },
  async () => {
    const env = {
      ...process.env,
      SALDO_HOME: home,
      OPENAI_ADMIN_KEY: KEY,
      OPENAI_BASE_URL: `${server.origin}/v1`,
    };
    delete env.SALDO_DEMO;
    const exportJson = path.join(os.tmpdir(), `saldo-secret-search-${process.pid}.json`);
    const exportCsv = path.join(os.tmpdir(), `saldo-secret-search-${process.pid}.csv`);
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
    ];
    const outputs: string[] = [];
    for (const args of commands) {
      const run = await spawnSaldo(args, '', Infinity, env);
      outputs.push(run.stdout, run.stderr);
    }
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
    const answers: unknown[] = [];
    for (const [channel, payload] of [
      ['sync:refresh-now', {}],
      ['state:get', {}],
      ['key:test', {}],
      ['settings:get', {}],
      ['state:get', {}],
    ] as const) {
      answers.push(await dispatch(opened.session.handlers, channel, payload, { checkResponses: true }));
    }
    await opened.session.close();

    const files = [...filesUnder(home), exportJson, exportCsv].filter((file) => fs.existsSync(file));
    const places = [
      ...outputs.map((text, index) => ({ place: `output ${index}`, text })),
      ...answers.map((answer, index) => ({ place: `bridge answer ${index}`, text: JSON.stringify(answer) })),
      ...events.map((event, index) => ({ place: `bridge event ${index}`, text: JSON.stringify(event) })),
      ...files.map((file) => ({ place: file, text: fs.readFileSync(file, 'utf8') })),
    ];
    const found = places.filter(({ text }) => occurrences(text) > 0);
    const total = places.reduce((sum, { text }) => sum + occurrences(text), 0);
    const keyed = server.requests.filter((request) => request.authorization === `Bearer ${KEY}`).length;
    fs.rmSync(exportJson, { force: true });
    fs.rmSync(exportCsv, { force: true });

    recordFigures(PROOF, [
      { label: 'occurrences of the key or a 12-char piece', value: String(total), target: '0' },
      { label: 'places searched (outputs, bridge answers and events, files)', value: String(places.length) },
      { label: 'files under the data directory searched', value: String(files.length) },
      { label: 'commands run (mistyped ones with the key included)', value: String(commands.length + 1) },
      { label: 'bridge answers / events searched', value: `${answers.length} / ${events.length}` },
      { label: 'requests the hostile server echoed the key to', value: String(server.requests.length) },
    ]);
    expect(found.map(({ place }) => place)).toEqual([]);
    expect(total).toBe(0);
    // The search means something only if the server was asked with the key and echoed it.
    expect(keyed).toBeGreaterThan(0);
    expect(events.length).toBeGreaterThan(0);
  },
);
