/**
 * The project keeps its own copy of the billing rules' worked examples (test/fixtures/spec-cases), so
 * a checkout alone runs every test. Where the published rules lie beside the checkout
 * (../shared/spec/cases), a case changed, added or removed there fails here until it is copied in.
 */
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../../shared/billing/evaluate';
import { PROJECT_CASES_DIR, UPSTREAM_CASES_DIR } from '../../support/spec-cases';

const CASE_NAME = /^\d{2}-[a-z0-9-]+(\.expected)?\.json$/;
const COPY_THEM = 'copy them in (cp ../shared/spec/cases/*.json test/fixtures/spec-cases/)';

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();

/** What is wrong with the project's copy on its own: names, pairs, JSON, cases the engine reads. */
function copyProblems(): string[] {
  const files = jsonFiles(PROJECT_CASES_DIR);
  if (files.length === 0) return ['the copy holds no case'];
  const problems: string[] = [];
  for (const name of files) {
    if (!CASE_NAME.test(name)) problems.push(`${name}: not named NN-name.json or NN-name.expected.json`);
    const partner = name.endsWith('.expected.json')
      ? name.replace(/\.expected\.json$/, '.json')
      : name.replace(/\.json$/, '.expected.json');
    if (!files.includes(partner)) problems.push(`${name}: ${partner} is missing`);
    let content: unknown;
    try {
      content = parse(readFileSync(path.join(PROJECT_CASES_DIR, name), 'utf8'));
    } catch (error) {
      problems.push(`${name}: not JSON (${(error as Error).message})`);
      continue;
    }
    if (!name.endsWith('.expected.json')) {
      const evaluation = evaluateCase(content);
      if (!evaluation.ok) problems.push(`${name}: ${evaluation.error.field}: ${evaluation.error.message}`);
    }
  }
  return problems;
}

/** How the copy differs from the published examples, file for file and byte for byte. */
function driftFrom(upstreamDir: string): string[] {
  const published = jsonFiles(upstreamDir);
  const copied = jsonFiles(PROJECT_CASES_DIR);
  return [
    ...published.filter((name) => !copied.includes(name)).map((name) => `${name}: published, not copied`),
    ...copied.filter((name) => !published.includes(name)).map((name) => `${name}: no longer published`),
    ...published
      .filter((name) => copied.includes(name))
      .filter(
        (name) =>
          !readFileSync(path.join(upstreamDir, name)).equals(
            readFileSync(path.join(PROJECT_CASES_DIR, name)),
          ),
      )
      .map((name) => `${name}: changed where it was published`),
  ];
}

describe('the project copy of the worked examples', () => {
  it('holds every public case, each with its expectation, as JSON the engine reads', () => {
    expect(copyProblems()).toEqual([]);
    expect(jsonFiles(PROJECT_CASES_DIR).length).toBeGreaterThanOrEqual(2 * 21);
  });

  it('is the published set where it lies beside the checkout (else stands alone)', () => {
    if (existsSync(UPSTREAM_CASES_DIR)) {
      expect(driftFrom(UPSTREAM_CASES_DIR), `the published worked examples changed: ${COPY_THEM}`).toEqual(
        [],
      );
    } else {
      // A clone without ../shared: the copy is all there is, so it must stand on its own.
      expect(copyProblems()).toEqual([]);
    }
  });

  it('names every case changed, added or removed where the examples are published', () => {
    expect(driftFrom(PROJECT_CASES_DIR)).toEqual([]);
    const published = mkdtempSync(path.join(tmpdir(), 'saldo-spec-cases-'));
    try {
      for (const name of jsonFiles(PROJECT_CASES_DIR)) {
        if (name !== '01-purchase-and-usage.json')
          copyFileSync(path.join(PROJECT_CASES_DIR, name), path.join(published, name));
      }
      writeFileSync(path.join(published, '00-new-case.json'), '{}');
      appendFileSync(path.join(published, '02-fifo-earliest-expiry.json'), ' ');
      expect(driftFrom(published)).toEqual([
        '00-new-case.json: published, not copied',
        '01-purchase-and-usage.json: no longer published',
        '02-fifo-earliest-expiry.json: changed where it was published',
      ]);
    } finally {
      rmSync(published, { recursive: true, force: true });
    }
  });
});
