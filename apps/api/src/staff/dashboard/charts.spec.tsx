import { describe, expect, it } from '@jest/globals';

import { axisStep, SERIES_COLOURS, shareMeter, stackedBarChart } from './charts.js';

describe('axisStep', () => {
  it('is a round step giving about four ticks', () => {
    expect([0, 3, 4, 7, 10, 20, 37, 100, 950].map(axisStep)).toEqual([1, 1, 1, 2, 5, 5, 10, 50, 500]);
  });
});

describe('stackedBarChart', () => {
  const chart = (names: string[]) =>
    stackedBarChart({
      title: 'Requests per week',
      series: names,
      bars: [
        { label: '6 Oct', counts: [3, 2] },
        { label: '13 Oct', counts: [0, 0] },
      ],
    }).value;

  it('draws one rectangle per non-zero count, coloured by series, titled with its figures', () => {
    const svg = chart(['Access', 'Deletion']);
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
    expect(svg).toContain(`fill="${SERIES_COLOURS[0]}"><title>6 Oct, Access: 3</title>`);
    expect(svg).toContain(`fill="${SERIES_COLOURS[1]}"><title>6 Oct, Deletion: 2</title>`);
    expect(svg).toContain('<desc id="chart-weekly-desc">5 in all over 2 weeks; Access: 3, Deletion: 2.</desc>');
    expect(svg).not.toContain('style=');
  });

  it('escapes the names it is given', () => {
    const svg = chart(['<script>x</script>', 'B & C']);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('B &amp; C');
  });
});

describe('shareMeter', () => {
  it('fills the share of 100% and says the percentage', () => {
    const svg = shareMeter({ title: 'On time', part: 9, whole: 10, words: '9 of 10' }).value;
    expect(svg).toContain('aria-label="On time: 90%"');
    expect(svg).toContain('<rect width="180.0" height="16" fill="#e07b00">');
  });

  it('says there is nothing to count rather than 0%', () => {
    const svg = shareMeter({ title: 'On time', part: 0, whole: 0, words: 'none closed' }).value;
    expect(svg).toContain('aria-label="On time: none to count"');
    expect(svg).toContain('<strong>—</strong>');
  });
});
