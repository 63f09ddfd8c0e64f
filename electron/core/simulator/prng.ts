/**
 * A small seeded PRNG. Scenarios must be reproducible — the same seed and hour give the same
 * usage on every run and every machine — so nothing here touches `Math.random`.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: 32 bits of state, fast, and good enough for synthetic traffic (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes integers into one 32-bit seed (murmur3's finaliser per part), so that neighbouring hours
 * get unrelated streams instead of shifted copies of one another.
 */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    // Hours since 1970 exceed 2^32 only after year 491,000; split anyway so any integer mixes.
    for (const word of [part % 4294967296, Math.floor(part / 4294967296)]) {
      let k = word >>> 0;
      k = Math.imul(k ^ (k >>> 16), 0x85ebca6b);
      k = Math.imul(k ^ (k >>> 13), 0xc2b2ae35);
      hash = Math.imul(hash ^ (k ^ (k >>> 16)), 0x27d4eb2f) >>> 0;
    }
  }
  return hash >>> 0;
}

/** A number in [low, high). */
export function between(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}
