/** The usage/costs query string (pure): defaults, OpenAI's limits, both array encodings, errors. */
import { describe, expect, it } from 'vitest';
import {
  COMPLETIONS_RULES,
  COSTS_RULES,
  readBucketQuery,
  type BucketQuery,
  type EndpointRules,
  type QueryError,
} from '../../../../electron/core/simulator/bucket-query';

const read = (query: string, rules: EndpointRules = COSTS_RULES): BucketQuery | QueryError =>
  readBucketQuery(new URLSearchParams(query), rules, '/v1/organization/costs');

function ok(query: string, rules: EndpointRules = COSTS_RULES): BucketQuery {
  const result = read(query, rules);
  if ('param' in result) throw new Error(result.message);
  return result;
}

function param(query: string, rules: EndpointRules = COSTS_RULES): string | null {
  const result = read(query, rules);
  return 'param' in result ? result.param : null;
}

describe('readBucketQuery', () => {
  it('reads start_time (inclusive) and end_time (exclusive) in Unix seconds, with defaults', () => {
    expect(ok('start_time=1730419200&end_time=1730505600')).toMatchObject({
      from: 1730419200_000,
      end: 1730505600_000,
      width: '1d',
      limit: 7,
    });
    expect(ok('start_time=1730419200').end).toBeNull();
  });

  it('takes OpenAI’s limits per endpoint and width', () => {
    expect(ok('start_time=0&limit=180').limit).toBe(180);
    expect(param('start_time=0&limit=181')).toBe('limit');
    expect(param('start_time=0&limit=0')).toBe('limit');
    expect(param('start_time=0&limit=-1')).toBe('limit');
    expect(param('start_time=0&limit=7.5')).toBe('limit');
    expect(ok('start_time=0', COMPLETIONS_RULES).limit).toBe(7);
    expect(ok('start_time=0&limit=31', COMPLETIONS_RULES).limit).toBe(31);
    expect(param('start_time=0&limit=32', COMPLETIONS_RULES)).toBe('limit');
    expect(ok('start_time=0&bucket_width=1h', COMPLETIONS_RULES).limit).toBe(24);
    expect(ok('start_time=0&bucket_width=1h&limit=168', COMPLETIONS_RULES).limit).toBe(168);
    expect(param('start_time=0&bucket_width=1h&limit=169', COMPLETIONS_RULES)).toBe('limit');
  });

  it('knows which bucket widths each endpoint has', () => {
    expect(param('start_time=0&bucket_width=1h')).toBe('bucket_width');
    expect(param('start_time=0&bucket_width=1w', COMPLETIONS_RULES)).toBe('bucket_width');
    expect(ok('start_time=0&bucket_width=1d').width).toBe('1d');
  });

  it('reads group_by[]=x and group_by=x, repeated, as one set', () => {
    const brackets = ok('start_time=0&group_by[]=project_id&group_by[]=line_item');
    const plain = ok('start_time=0&group_by=project_id&group_by=line_item');
    expect([...brackets.groupBy].sort()).toEqual(['line_item', 'project_id']);
    expect(plain.groupBy).toEqual(brackets.groupBy);
    expect(plain.fingerprint).toBe(brackets.fingerprint);
  });

  it('refuses group_by values the endpoint does not have', () => {
    expect(param('start_time=0&group_by=model')).toBe('group_by');
    expect(param('start_time=0&group_by[]=project_id,line_item')).toBe('group_by');
    expect(ok('start_time=0&group_by=user_id&group_by=model', COMPLETIONS_RULES).groupBy.size).toBe(2);
  });

  it.each([
    ['no start_time', '', 'start_time'],
    ['a start_time that is no integer', 'start_time=abc', 'start_time'],
    ['a start_time in ms with a fraction', 'start_time=1.5', 'start_time'],
    ['an end_time before start_time', 'start_time=100&end_time=100', 'end_time'],
    ['a page that is no cursor', 'start_time=0&page=abc', 'page'],
  ])('%s is a 400 naming the parameter', (_what, query, name) => {
    expect(param(query)).toBe(name);
  });

  it('does not echo a long bad value whole', () => {
    const result = read(`start_time=${'9'.repeat(500)}`);
    expect('param' in result && result.message.length).toBeLessThan(200);
  });
});
