/**
 * The dashboard bench measures the built dashboard (dist/renderer, as `npm run build:renderer` makes
 * it): build it first when it is missing or older than anything it is built from, so the figures are
 * of the code in the checkout. The build runs in its own process, so it counts in no memory figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, runPackageBin } from '../../test/support/built-desktop';

export const DASHBOARD_BUILD = path.join(ROOT, 'dist/renderer');
const BUILT_MARK = path.join(DASHBOARD_BUILD, 'index.html');
const SOURCES = ['renderer', 'shared', 'renderer-build.mts', 'vite.config.mts', 'package-lock.json'];

function newestChange(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(file, name))), stat.mtimeMs);
}

/** Why the build must be made again, or null when it is up to date. */
function staleness(): string | null {
  if (!fs.existsSync(BUILT_MARK)) return 'dist/renderer is missing';
  const builtAt = fs.statSync(BUILT_MARK).mtimeMs;
  const changed = SOURCES.find((source) => newestChange(path.join(ROOT, source)) > builtAt);
  return changed === undefined ? null : `${changed} changed since dist/renderer was built`;
}

/** Builds dist/renderer when it is missing or stale, saying so on standard error. */
export async function ensureDashboardBuild(): Promise<void> {
  const why = staleness();
  if (why === null) return;
  console.error(`bench: building the dashboard (${why})…`);
  await runPackageBin('node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn']);
}
