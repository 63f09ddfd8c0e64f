/** The fault queue (pure): counts, path prefixes, order, the headers a fault adds. */
import { describe, expect, it } from 'vitest';
import { FaultQueue } from '../../../../electron/core/simulator/faults';

describe('FaultQueue', () => {
  it('hits the next `count` matching requests, then no more', () => {
    const queue = new FaultQueue();
    queue.add({ count: 2, status: 503, path: '/v1/' });
    expect(queue.take('/v1/organization/costs')?.status).toBe(503);
    expect(queue.take('/v1/organization/costs')?.status).toBe(503);
    expect(queue.take('/v1/organization/costs')).toBeNull();
  });

  it('only hits paths under its prefix, and keeps its count for those', () => {
    const queue = new FaultQueue();
    queue.add({ count: 1, status: 500, path: '/v1/organization/usage' });
    expect(queue.take('/v1/organization/costs')).toBeNull();
    expect(queue.take('/v1/organization/usage/completions')?.status).toBe(500);
    expect(queue.pending()).toEqual([]);
  });

  it('serves faults in the order they were queued', () => {
    const queue = new FaultQueue();
    queue.add({ count: 1, status: 429, retryAfter: '3', retryAfterMs: '2500', path: '/v1/' });
    queue.add({ count: 1, truncate: true, path: '/v1/' });
    expect(queue.take('/v1/x')).toMatchObject({
      status: 429,
      headers: { 'retry-after': '3', 'retry-after-ms': '2500' },
    });
    expect(queue.take('/v1/x')).toMatchObject({ status: null, truncate: true, malformed: false, delayMs: 0 });
  });

  it('a body alone is a 200 with that body; a delay alone answers normally', () => {
    const queue = new FaultQueue();
    queue.add({ count: 1, body: { hello: 1 }, path: '/' });
    queue.add({ count: 1, delayMs: 50, path: '/' });
    expect(queue.take('/v1/x')).toMatchObject({ status: 200, body: { hello: 1 } });
    expect(queue.take('/v1/x')).toMatchObject({ status: null, delayMs: 50 });
  });

  it('clear says how many requests the dropped faults would still have hit', () => {
    const queue = new FaultQueue();
    queue.add({ count: 3, status: 500, path: '/v1/' });
    queue.take('/v1/x');
    queue.add({ count: 1, status: 500, path: '/v1/' });
    expect(queue.clear()).toBe(3);
    expect(queue.take('/v1/x')).toBeNull();
  });
});
