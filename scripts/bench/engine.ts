/**
 * Engine speed and memory: a year of hourly usage for 100 model × project series (876,000 usage
 * events) plus 50 purchases and grants, built deterministically in memory as the JSON-shaped objects
 * the case reader hands over (amounts as LosslessNumber, instants as text).
 */
import { LosslessNumber } from 'lossless-json';
import { evaluateCase } from '../../shared/billing/evaluate';
import { parseInstant } from '../../shared/billing/instant';
import { parseAmount } from '../../shared/billing/money';
import { project, type ProjectionStart } from '../../shared/billing/projection';
import type { AutoRecharge } from '../../shared/billing/types';
import { mulberry32 } from '../../electron/core/simulator/prng';

const SERIES = 100;
const HOURS = 365 * 24;
const CREDITS = 50;
const START = Date.UTC(2025, 0, 1);
const HOUR_MS = 3_600_000;

export interface BenchCase {
  now: string;
  autoRecharge: Record<string, unknown>;
  events: Record<string, unknown>[];
}

export function buildYearCase(): BenchCase {
  const next = mulberry32(20261127);
  const events: Record<string, unknown>[] = [];
  const creditEvery = Math.floor(HOURS / CREDITS);
  for (let hour = 0; hour < HOURS; hour++) {
    const at = new Date(START + hour * HOUR_MS).toISOString();
    if (hour % creditEvery === 0 && hour / creditEvery < CREDITS) {
      const n = hour / creditEvery;
      events.push(
        n % 5 === 4
          ? { type: 'grant', id: `g${n}`, at, amount: new LosslessNumber('10'), expiresAt: null }
          : { type: 'purchase', id: `p${n}`, at, amount: new LosslessNumber(String(20 + (n % 4) * 10)) },
      );
    }
    for (let series = 0; series < SERIES; series++) {
      events.push({
        type: 'usage',
        at,
        amount: new LosslessNumber((next() * 0.002).toFixed(6)),
        model: `model-${series % 4}`,
        project: `proj_${Math.floor(series / 4)}`,
        lineItem: `model-${series % 4}, input`,
      });
    }
  }
  return {
    now: new Date(START + HOURS * HOUR_MS).toISOString(),
    autoRecharge: { enabled: true, threshold: 5, mode: 'add', amount: 20, monthlyLimit: 200 },
    events,
  };
}

/** The least any implementation must do: read every instant and amount, with the engine's readers. */
function floor(events: readonly Record<string, unknown>[]): number {
  let checksum = 0;
  for (const event of events) {
    checksum += parseInstant(event.at)! > 0 ? 1 : 0;
    checksum += parseAmount(event.amount)! > 0n ? 1 : 0;
  }
  return checksum;
}

function timed(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function benchEngine(runs: number): Record<string, number> {
  const yearCase = buildYearCase();
  const engineMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    floorMs.push(timed(() => floor(yearCase.events)));
    engineMs.push(
      timed(() => {
        const evaluation = evaluateCase(yearCase);
        if (!evaluation.ok) throw new Error(`bench case is malformed: ${evaluation.error.field}`);
      }),
    );
  }
  const engine = median(engineMs);
  const floorMedian = median(floorMs);
  return {
    engine_events: yearCase.events.length,
    engine_ms: round(engine),
    floor_ms: round(floorMedian),
    engine_ratio: round(engine / floorMedian, 2),
    engine_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * A year of frequent auto-recharges for the projection (spec §9.1): $55 a day against $20 recharges
 * with a 5-minute credit delay, so one is bought about every 8.7 hours and the 1,000th ends the year.
 */
const RECHARGE_START: ProjectionStart = {
  now: START,
  account: 'prepaid',
  policy: { minPurchase: 5_000_000n, maxPurchase: 50_000_000n, expiryMonths: 12, creditDelayMinutes: 5 },
  rate: { windowUsage: 7n * 55_000_000n, windowDays: 7 },
  debt: 0n,
  grants: [
    {
      source: 'manual',
      remaining: 30_000_000n,
      effectiveAt: START,
      expiresAt: START + 300 * 86_400_000,
      status: 'active',
    },
    {
      source: 'grant',
      remaining: 10_000_000n,
      effectiveAt: START,
      expiresAt: START + 30 * 86_400_000,
      status: 'active',
    },
  ],
  autoPurchases: [],
};
const RECHARGE: AutoRecharge = {
  threshold: 10_000_000n,
  mode: 'add',
  amount: 20_000_000n,
  target: 0n,
  monthlyLimit: null,
};

/** The projection over that year: what `evaluate` adds to every result and the form runs per keystroke. */
export function benchProjection(runs: number): Record<string, number> {
  const projectionMs: number[] = [];
  // As many untimed runs first: the app projects again and again, so the figure is the warm one.
  let recharges = 0;
  for (let run = 0; run < runs; run++) recharges = project(RECHARGE_START, RECHARGE).recharges.length;
  for (let run = 0; run < runs; run++) {
    projectionMs.push(timed(() => (recharges = project(RECHARGE_START, RECHARGE).recharges.length)));
  }
  return { projection_recharges: recharges, projection_ms: round(median(projectionMs), 2) };
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
