/**
 * Y-axis ticks in micro-dollars at round steps (1, 2 or 5 × 10^k, at least $0.10) from zero or
 * below: the compact tick labels ("$1.2K", one decimal) then always name the tick exactly.
 */
const SMALLEST_STEP = 100_000;

function* niceSteps(): Generator<number> {
  for (let power = SMALLEST_STEP; ; power *= 10) {
    for (const factor of [1, 2, 5]) yield power * factor;
  }
}

/** The round step giving closest to `count` intervals over `low`…`high` (fewer on a tie). */
function bestStep(low: number, high: number, count: number): number {
  let best = { step: SMALLEST_STEP, miss: Infinity };
  for (const step of niceSteps()) {
    const intervals = Math.max(1, Math.ceil(high / step) - Math.floor(low / step));
    const miss = Math.abs(intervals - count);
    if (miss <= best.miss) best = { step, miss };
    if (intervals === 1) return best.step;
  }
  return best.step;
}

/** About `count` intervals covering `min`…`max` and zero, so the axis starts at zero. */
export function valueTicks(min: number, max: number, count = 4): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  const step = bestStep(low, high, count);
  const first = Math.floor(low / step);
  const last = Math.max(first + 1, Math.ceil(high / step));
  return Array.from({ length: last - first + 1 }, (_, index) => (first + index) * step);
}
