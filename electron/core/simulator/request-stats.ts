/** Counts of `/v1` requests served, for benchmarks of clients ("how many calls did a sync take?"). */
export interface RequestCounts {
  total: number;
  byPath: Record<string, number>;
  /** Response body bytes. */
  bytes: number;
}

export class RequestStats {
  private counts: RequestCounts = { total: 0, byPath: {}, bytes: 0 };

  record(path: string, bytes: number): void {
    this.counts.total++;
    this.counts.byPath[path] = (this.counts.byPath[path] ?? 0) + 1;
    this.counts.bytes += bytes;
  }

  snapshot(): RequestCounts {
    return { ...this.counts, byPath: { ...this.counts.byPath } };
  }

  reset(): void {
    this.counts = { total: 0, byPath: {}, bytes: 0 };
  }
}
