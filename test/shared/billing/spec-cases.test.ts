import { parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../../shared/billing/evaluate';
import { resultToJson } from '../../../shared/billing/result-json';
import { loadSpecCases, specDifferences } from '../../support/spec-cases';

const cases = loadSpecCases();

describe('the worked examples (test/fixtures/spec-cases)', () => {
  it('finds the worked examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(21);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s gives its .expected.json', (_name, specCase) => {
    const evaluation = evaluateCase(specCase.input);
    if (!evaluation.ok) throw new Error(`${evaluation.error.field}: ${evaluation.error.message}`);
    const actual = parse(resultToJson(evaluation.result));
    expect(specDifferences(actual, specCase.expected)).toEqual([]);
  });

  it('writes the fields in the spec order', () => {
    for (const specCase of cases) {
      const evaluation = evaluateCase(specCase.input);
      if (!evaluation.ok) throw new Error(evaluation.error.message);
      const actual = parse(resultToJson(evaluation.result)) as Record<string, unknown>;
      expect(Object.keys(actual)).toEqual(Object.keys(specCase.expected as Record<string, unknown>));
    }
  });
});
