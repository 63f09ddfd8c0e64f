import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { parseAst } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR_NAME } from '../../electron/core/stores/data-dir';
import { CHANNEL_NAMES } from '../../shared/bridge/channels';
import { buildDesktop, ROOT, runBuiltMain, runPackageBin } from '../support/built-desktop';
import { inverted, readFuses, writeFakeElectronDist } from './support/fake-electron-dist';

// The desktop build as `npm run build` makes it, then packed the way the installers are, offline:
// `electron-builder --dir --linux` against a fake Electron distribution. Never a real target here:
// without electronDist electron-builder retries GitHub for about a minute, then fails.
const out = path.join(ROOT, 'out');
const ELECTRON_VERSION = '45.5.0';
const MAX_ASAR_BYTES = 10 * 1024 * 1024;
const SLOW = 180_000;

const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

type Node = { type?: unknown; [key: string]: unknown };

/** Every node of an ESTree tree, depth first. */
function* nodesOf(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesOf(item);
  } else if (value !== null && typeof value === 'object') {
    const node = value as Node;
    if (typeof node.type === 'string') yield node;
    for (const child of Object.values(node)) yield* nodesOf(child);
  }
}

/** What a script loads: each `require(…)` argument (a literal's value, else `<computed>`) and any `import(…)`. */
function loadsOf(source: string): string[] {
  // As a script: `import`/`export` statements do not parse, so this also proves CommonJS.
  const program = parseAst(source, { sourceType: 'script' });
  const loads: string[] = [];
  for (const node of nodesOf(program)) {
    if (node.type === 'ImportExpression') loads.push('import()');
    const callee = node.callee as Node | undefined;
    if (node.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'require') {
      const [argument] = node.arguments as Node[];
      loads.push(argument?.type === 'Literal' ? String(argument.value) : '<computed>');
    }
  }
  return loads;
}

beforeAll(() => buildDesktop(), SLOW);

describe('the desktop build', () => {
  it('emits main, the preload and the dashboard where package.json and main expect them', () => {
    const main = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main;
    expect(main).toBe('out/main/index.js');
    for (const file of ['main/index.js', 'preload/index.js', 'renderer/index.html']) {
      expect(fs.statSync(path.join(out, file)).size, file).toBeGreaterThan(0);
    }
  });

  it('writes no source maps', () => {
    const files = fs.readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('bundles the sandboxed preload into one CommonJS file that loads only electron', () => {
    expect(fs.readdirSync(path.join(out, 'preload'))).toEqual(['index.js']);
    const loads = loadsOf(fs.readFileSync(path.join(out, 'preload', 'index.js'), 'utf8'));
    expect(new Set(loads)).toEqual(new Set(['electron']));
  });

  it("bundles main's pure-JS dependencies: it loads only Node's built-ins, electron and keytar", () => {
    const loads = loadsOf(fs.readFileSync(path.join(out, 'main', 'index.js'), 'utf8'));
    // keytar is loaded through createRequire (electron/main/index.ts), and the CLI's loader imports
    // it by a name in a variable (electron/core/secrets/keytar-store.ts): `import()`.
    const packages = new Set(loads.filter((name) => !isBuiltin(name)));
    expect([...packages].filter((name) => !['electron', 'import()'].includes(name))).toEqual([]);
  });
});

describe('the built main process, run on fake Electron (the binary cannot run here)', () => {
  it(
    'starts on the demo, shows the balance in the tray, keeps its files and log, and quits cleanly',
    async () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-main-run-'));
      try {
        const report = await runBuiltMain({ out, home });
        expect(report.tooltip).toMatch(/^Saldo: \$[\d,.]+ /);
        expect(report.image).toMatch(/assets\/tray\/demo\.png$/);
        expect(report.menu).toContain('Open Saldo');
        expect(report.windows).toBe(1);
        expect(report.webPreferences).toMatchObject({
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
        });
        expect(report.webPreferences.preload).toBe(path.join(out, 'preload', 'index.js'));
        expect(report.loaded).toBe('saldo://app/index.html#/overview');
        expect(new Set(report.channels)).toEqual(new Set(CHANNEL_NAMES));
        // electron-store wrote the same files as the CLI's conf; the demo's ledger is its own.
        expect(fs.readdirSync(path.join(home, 'demo')).sort()).toEqual(['ledger.json', 'synced']);
        expect(fs.readdirSync(path.join(home, 'demo', 'synced')).length).toBeGreaterThan(30);
        const log = fs.readFileSync(path.join(home, 'logs', 'main.log'), 'utf8');
        expect(log).toContain('Saldo 0.1.0 started on the demo backend');
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});

describe('the packaged app (electron-builder --dir --linux, fake Electron)', () => {
  let work: string;
  let resources: string;
  let files: string[];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-package-'));
    writeFakeElectronDist(path.join(work, 'electron'), ELECTRON_VERSION, inverted(FUSES));
    await runPackageBin('node_modules/electron-builder/cli.js', [
      '--dir',
      '--linux',
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.directories.output=${path.join(work, 'release')}`,
    ]);
    resources = path.join(work, 'release', 'linux-unpacked', 'resources');
    files = asar
      .listPackage(path.join(resources, 'app.asar'), { isPack: false })
      .map((file) => file.replaceAll('\\', '/'));
  }, SLOW);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds main, the preload, and the dashboard with its script', () => {
    const built = [
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/package.json',
    ];
    expect(files).toEqual(expect.arrayContaining(built));
    expect(files.some((file) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(file))).toBe(true);
  });

  it("names the app Saldo, so Electron's userData is the data directory the CLI uses", () => {
    const packaged = JSON.parse(
      asar.extractFile(path.join(resources, 'app.asar'), 'package.json').toString(),
    );
    expect(packaged).toMatchObject({ productName: APP_DIR_NAME, main: 'out/main/index.js' });
  });

  it('holds the tray icons, which main loads from assets/tray at run time', () => {
    expect(files.filter((file) => /^\/assets\/tray\/[^/]+\.png$/.test(file))).not.toEqual([]);
  });

  it("unpacks keytar's native part beside the asar", () => {
    const native = path.join(resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node');
    expect(fs.statSync(native).size).toBeGreaterThan(0);
  });

  it('ships no sources, tests, source maps, or node_modules but keytar', () => {
    expect(files.filter((file) => /\.(ts|tsx|mts|map)$/.test(file))).toEqual([]);
    expect(
      files.filter((file) => /^\/(electron|shared|renderer|test|scripts|bin|dist)\//.test(file)),
    ).toEqual([]);
    const packages = new Set(files.map((file) => /^\/node_modules\/([^/]+)/.exec(file)?.[1]).filter(Boolean));
    expect([...packages]).toEqual(['keytar']);
    expect(files.filter((file) => /\/node_modules\/.*\/node_modules\//.test(file))).toEqual([]);
  });

  it('keeps app.asar at most 10 MB', () => {
    expect(fs.statSync(path.join(resources, 'app.asar')).size).toBeLessThanOrEqual(MAX_ASAR_BYTES);
  });

  it('flips the Electron fuses as electron-builder.yml says', async () => {
    expect(await readFuses(path.join(work, 'release', 'linux-unpacked', 'saldo'))).toEqual(FUSES);
  });
});
