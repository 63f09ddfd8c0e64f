/**
 * The desktop build, made and run the way the tooling tests, the desktop e2e test and the bench all
 * need it: `electron-vite build` (into out/, or a folder of the caller's so parallel suites do not
 * race), and the built main process started in plain Node on FAKE ELECTRON
 * (run-main-with-fake-electron.cjs), which reports what main built as one JSON line.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** A stray `require('electron')` must not try to download the binary. */
const env = (): NodeJS.ProcessEnv => ({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' });

/** Runs a package's command-line script with this Node. */
export async function runPackageBin(script: string, args: readonly string[]): Promise<void> {
  await run(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: env(),
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** `npm run build`, into `outDir` when given. */
export function buildDesktop(outDir?: string): Promise<void> {
  return runPackageBin('node_modules/electron-vite/bin/electron-vite.js', [
    'build',
    '--logLevel',
    'warn',
    ...(outDir === undefined ? [] : ['--outDir', outDir]),
  ]);
}

/** What the built main showed once its tray had a balance (run-main-with-fake-electron.cjs). */
export interface BuiltMainReport {
  trayReadyMs: number;
  tooltip: string;
  image: string;
  menu: string[];
  windows: number;
  webPreferences: Record<string, unknown> & { preload?: string };
  loaded: string | null;
  channels: string[];
  /** With `rest`: main's memory with its window closed, after a GC. */
  restRssMb?: number;
  restHeapMb?: number;
}

/** Starts `<out>/main/index.js` with `home` as its data directory, until it quits by itself. */
export async function runBuiltMain(options: {
  out: string;
  home: string;
  rest?: boolean;
  /** More environment for main (OPENAI_ADMIN_KEY, OPENAI_BASE_URL, SALDO_QUIT_FILE). */
  env?: Record<string, string>;
}): Promise<BuiltMainReport> {
  const { stdout } = await run(
    process.execPath,
    [
      ...(options.rest === true ? ['--expose-gc'] : []),
      '--require',
      path.join(__dirname, 'run-main-with-fake-electron.cjs'),
      path.join(options.out, 'main', 'index.js'),
    ],
    {
      cwd: ROOT,
      env: {
        ...env(),
        SALDO_ROOT: ROOT,
        SALDO_HOME: options.home,
        ...(options.rest === true ? { SALDO_REPORT_REST: '1' } : {}),
        ...options.env,
      },
      timeout: 120_000,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as BuiltMainReport;
}
