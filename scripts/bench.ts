/**
 * `npm run -s bench [-- --json]`: speed and memory figures. With --json the last line is one JSON
 * object of every figure. Figures, not timed tests: targets are read by people, not asserted.
 */
import { benchEngine } from './bench/engine';

const json = process.argv.includes('--json');
const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
const runs = runsArg === undefined ? 5 : Math.max(1, Number(runsArg.slice('--runs='.length)));

const TARGETS: Record<string, string> = {
  engine_ratio: '≤ 5',
  engine_peak_rss_mb: '≤ 600',
};

const figures = { ...benchEngine(runs) };

if (json) {
  console.log(JSON.stringify(figures));
} else {
  for (const [name, value] of Object.entries(figures)) {
    const target = TARGETS[name];
    console.log(`${name.padEnd(22)} ${String(value).padStart(10)}${target ? `   target ${target}` : ''}`);
  }
}
