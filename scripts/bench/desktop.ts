/**
 * The desktop app's figures: what the build ships (main, preload) and what the main process holds at
 * rest in the tray — the built `out/main/index.js` run on fake Electron (the binary cannot run here),
 * on the demo account with its year of history, after its window was closed. Chromium's own processes
 * are not in it: at rest Saldo has no window, so no renderer (issue #6).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out');
const run = promisify(execFile);

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipKb = (file: string) => kb(zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
const round1 = (value: number) => Math.round(value * 10) / 10;

export async function benchDesktop(): Promise<Record<string, number>> {
  const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' };
  await run(
    process.execPath,
    [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env,
    },
  );
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-bench-desktop-'));
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--expose-gc',
        '--require',
        path.join(ROOT, 'test/tooling/support/run-main-with-fake-electron.cjs'),
        path.join(OUT, 'main/index.js'),
      ],
      {
        cwd: ROOT,
        env: { ...env, SALDO_ROOT: ROOT, SALDO_HOME: home, SALDO_REPORT_REST: '1' },
        timeout: 120_000,
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      trayReadyMs: number;
      restRssMb: number;
      restHeapMb: number;
    };
    return {
      main_js_gzip_kb: gzipKb(path.join(OUT, 'main/index.js')),
      preload_js_gzip_kb: gzipKb(path.join(OUT, 'preload/index.js')),
      desktop_tray_ready_ms: report.trayReadyMs,
      main_rest_heap_mb: round1(report.restHeapMb),
      main_rest_rss_mb: round1(report.restRssMb),
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
