/** One label set's observations, counted by the store: how many fell at or under each bound, their count and sum. */
export interface StoredObservations {
  labels: Record<string, string>;
  /** Cumulative counts, one per bound of the histogram, in the same order. */
  atMost: number[];
  count: number;
  sum: number;
}

/**
 * A Prometheus histogram whose buckets are counted where the observations are stored (PostgreSQL), at each scrape.
 * prom-client's Histogram counts only what this process observed since it started; a request closed by the worker,
 * or before a restart, would be missing. Registered beside prom-client's own metrics, it exposes what they do.
 */
export class StoredHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';

  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: readonly number[],
    private readonly read: () => Promise<StoredObservations[]>,
  ) {}

  async get() {
    const values = (await this.read()).flatMap(({ labels, atMost, count, sum }) => [
      ...this.bounds.map((le, i) => ({
        metricName: `${this.name}_bucket`,
        labels: { ...labels, le },
        value: atMost[i]!,
      })),
      { metricName: `${this.name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count },
      { metricName: `${this.name}_sum`, labels, value: sum },
      { metricName: `${this.name}_count`, labels, value: count },
    ]);
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** Nothing is kept here between scrapes. */
  reset(): void {}
}
