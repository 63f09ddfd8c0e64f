/**
 * The desktop app's figures: what the build ships (main, preload) and what the main process holds at
 * rest in the tray — the built `out/main/index.js` run on fake Electron (the binary cannot run here),
 * on the demo account with its year of history, after its window was closed. Chromium's own processes
 * are not in it: at rest Saldo has no window, so no renderer (issue #6).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildDesktop, ROOT, runBuiltMain } from '../../test/support/built-desktop';

const OUT = path.join(ROOT, 'out');

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipKb = (file: string) => kb(zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
const round1 = (value: number) => Math.round(value * 10) / 10;

export async function benchDesktop(): Promise<Record<string, number>> {
  await buildDesktop();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-bench-desktop-'));
  try {
    const report = await runBuiltMain({ out: OUT, home, rest: true });
    return {
      main_js_gzip_kb: gzipKb(path.join(OUT, 'main/index.js')),
      preload_js_gzip_kb: gzipKb(path.join(OUT, 'preload/index.js')),
      desktop_tray_ready_ms: report.trayReadyMs,
      main_rest_heap_mb: round1(report.restHeapMb ?? Number.NaN),
      main_rest_rss_mb: round1(report.restRssMb ?? Number.NaN),
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
