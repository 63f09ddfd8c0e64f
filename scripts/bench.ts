/**
 * `npm run -s bench [-- --json]`: speed and memory figures. With --json the last line is one JSON
 * object of every figure. Figures, not timed tests: targets are read by people, not asserted.
 * It builds what it measures: the dashboard when missing or stale, the desktop app every run.
 */
import { benchDashboard } from './bench/dashboard';
import { ensureDashboardBuild } from './bench/dashboard-build';
import { benchDesktop } from './bench/desktop';
import { benchEngine, benchProjection } from './bench/engine';
import { benchPoll } from './bench/poll';
import { benchSync } from './bench/sync';

const json = process.argv.includes('--json');
const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
const runs = runsArg === undefined ? 5 : Math.max(1, Number(runsArg.slice('--runs='.length)));

const TARGETS: Record<string, string> = {
  engine_ratio: '≤ 5',
  engine_peak_rss_mb: '≤ 600',
  projection_ms: '≤ 50',
  sync_backfill_costs_requests: '≤ 3',
  sync_backfill_usage_requests: '≤ 12',
  sync_steady_requests: '≤ 2',
  poll_requests_per_day: '≤ 300',
  poll_bytes_per_day: '≤ 2000000',
  store_bytes_written_per_day: '≤ 1000000',
  renderer_js_gzip_kb: '≤ 300',
  dashboard_ready_ms: '≤ 1000',
  chart_switch_ms: '≤ 100',
  main_rest_heap_mb: '≤ 100',
};

async function main(): Promise<void> {
  await ensureDashboardBuild();
  // Sync and poll first: their figures do not depend on memory, while the engine's peak RSS is read
  // right after the engine ran.
  // The dashboard last: its server and Vite build would otherwise count in the engine's peak RSS.
  const figures = {
    ...(await benchSync()),
    ...(await benchPoll()),
    ...benchEngine(runs),
    ...benchProjection(runs),
    ...(await benchDashboard(runs)),
    ...(await benchDesktop()),
  };
  print(figures);
}

function print(figures: Record<string, number>): void {
  if (json) {
    console.log(JSON.stringify(figures));
    return;
  }
  for (const [name, value] of Object.entries(figures)) {
    const target = TARGETS[name];
    console.log(`${name.padEnd(30)} ${String(value).padStart(10)}${target ? `   target ${target}` : ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
