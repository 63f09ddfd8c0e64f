/**
 * Global setup of the `proofs` project: a fresh folder for the figures the proofs record
 * (figures.ts), and, when the run ends, one table of them on stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Figure } from './figures';

type Row = Figure & { proof: string };

function readRows(dir: string): Row[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      fs
        .readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Row),
    );
}

export function formatTable(rows: readonly Row[]): string {
  const header: Row = { proof: 'Proof', label: 'Figure', value: 'Measured', target: 'Target' };
  const all = [header, ...rows];
  const width = (pick: (row: Row) => string) => Math.max(...all.map((row) => pick(row).length));
  const widths = [width((r) => r.proof), width((r) => r.label), width((r) => r.value)];
  const line = (row: Row) =>
    [
      row.proof.padEnd(widths[0]!),
      row.label.padEnd(widths[1]!),
      row.value.padEnd(widths[2]!),
      row.target ?? '',
    ]
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-proof-figures-'));
  project.provide('proofFiguresDir', dir);
  return () => {
    const rows = readRows(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    if (rows.length === 0) return;
    process.stdout.write(`\nProof figures\n${formatTable(rows)}\n\n`);
  };
}
