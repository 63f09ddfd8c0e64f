/**
 * The proofs' figures (fault matrix, crash consistency, bridge fuzz, secret search): each proof
 * records its rows here, and the `proofs` project's global setup prints them all as one table when
 * the run ends, so a CI log shows what was tried and what held, not only that the tests passed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export interface Figure {
  /** What was counted: `lost entries`, `survived / total`, `peak RSS after SSE flood`. */
  label: string;
  /** The measured value as it should read: `0 of 400`, `58 / 58`, `212 MB`. */
  value: string;
  /** What the issue asks of it, when it asks: `0`, `≤ 400 MB`. */
  target?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    proofFiguresDir: string;
  }
}

/** Records one proof's figures (a later call for the same proof adds to them). */
export function recordFigures(proof: string, figures: readonly Figure[]): void {
  const dir = inject('proofFiguresDir');
  const file = path.join(dir, `${proof.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.jsonl`);
  const lines = figures.map((figure) => JSON.stringify({ proof, ...figure })).join('\n');
  fs.appendFileSync(file, `${lines}\n`);
}
