import { describe, expect, it } from 'vitest';
import { formatPath, parseBody } from '../../../../electron/core/openai/parse-body';
import { costsPageSchema, creditGrantsSchema } from '../../../../electron/core/openai/wire';
import { fixture } from './openai-test-kit';

const badCosts = (text: string) => {
  const result = parseBody(costsPageSchema, text, 'costs page');
  return result.ok ? 'parsed' : result.error.message;
};

describe('parseBody', () => {
  it('names the path of a wrong field', () => {
    const text = fixture('openai-costs-page.json').replace(
      '"start_time": 1730419200',
      '"start_time": "yesterday"',
    );
    expect(badCosts(text)).toBe('costs page: data[0].start_time: a whole number');
  });

  it.each([
    [
      'a fractional start_time',
      ['"start_time": 1730419200', '"start_time": 1730419200.5'],
      'data[0].start_time: a whole number',
    ],
    [
      'an amount that is no number',
      ['"value": 0.06', '"value": "six cents"'],
      'data[0].results[0].amount.value: a dollar amount',
    ],
    ['has_more as text', ['"has_more": false', '"has_more": "no"'], 'has_more: Invalid input'],
    ['another object', ['"object": "page"', '"object": "list"'], 'object: Invalid input'],
    [
      'a result of another endpoint',
      ['"organization.costs.result"', '"organization.usage.completions.result"'],
      'data[0].results[0].object',
    ],
  ])('%s', (_name, [from, to], expected) => {
    expect(badCosts(fixture('openai-costs-page.json').replace(from!, to!))).toContain(
      `costs page: ${expected}`,
    );
  });

  it('tells non-JSON, truncated and empty bodies apart', () => {
    expect(badCosts('<html>502 Bad Gateway</html>')).toMatch(/^costs page: not JSON \(/);
    const text = fixture('openai-costs-page.json');
    expect(badCosts(text.slice(0, text.length / 2))).toMatch(/^costs page: not JSON \(.*end of input/);
    expect(badCosts('')).toBe('costs page: empty body');
    expect(badCosts('[]')).toBe('costs page: the body: Invalid input: expected object, received array');
  });

  it('reads amounts exactly from their text (lossless-json, not a double)', () => {
    // As a double this is 0.1234565 and would round up to 123,457 µ$; its exact value is below the half.
    const result = parseBody(
      creditGrantsSchema,
      '{"object":"credit_summary","total_available":0.12345649999999999999}',
      'x',
    );
    expect(result.ok && result.value.total_available).toBe(123_456n);
  });
});

describe('formatPath', () => {
  it.each([
    [[], 'the body'],
    [['has_more'], 'has_more'],
    [['data', 0, 'results', 12, 'amount', 'value'], 'data[0].results[12].amount.value'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
