import { describe, expect, it } from '@jest/globals';
import { type Metric, Registry } from 'prom-client';

import { StoredHistogram } from './stored-histogram.js';
import { sharedReading } from './stored-readings.js';

describe('StoredHistogram', () => {
  it('writes the counted buckets as a Prometheus histogram, cumulative, with +Inf, sum and count', async () => {
    const registry = new Registry();
    const histogram = new StoredHistogram('close_days', 'Days to close', [7, 30], async () => [
      { labels: { organisation: 'a' }, atMost: [1, 3], count: 4, sum: 75.5 },
    ]);
    registry.registerMetric(histogram as unknown as Metric);
    expect(await registry.metrics()).toBe(
      [
        '# HELP close_days Days to close',
        '# TYPE close_days histogram',
        'close_days_bucket{organisation="a",le="7"} 1',
        'close_days_bucket{organisation="a",le="30"} 3',
        'close_days_bucket{organisation="a",le="+Inf"} 4',
        'close_days_sum{organisation="a"} 75.5',
        'close_days_count{organisation="a"} 4',
        '',
      ].join('\n'),
    );
  });
});

describe('sharedReading', () => {
  it('gives the calls made while a reading runs that reading, and reads afresh after it', async () => {
    let reads = 0;
    const read = sharedReading(async () => ++reads);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(await read()).toBe(2);
  });

  it('reads afresh after a failed reading', async () => {
    let reads = 0;
    const read = sharedReading(async () => {
      if (++reads === 1) throw new Error('down');
      return reads;
    });
    await expect(read()).rejects.toThrow('down');
    expect(await read()).toBe(2);
  });
});
