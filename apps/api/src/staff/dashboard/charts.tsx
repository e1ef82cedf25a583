import type { SafeHtml } from '#mail';

// Charts drawn on the server as SVG: they show without JavaScript, and the page's policy allows no inline style, so
// colours are presentation attributes. Each chart names what it shows in its <title> and <desc> for screen readers.

/** A colour per series, told apart in greyscale too (their lightness differs). */
export const SERIES_COLOURS = ['#1f4e79', '#e07b00', '#4c9a2a', '#8e3b8e', '#c0392b', '#7f8c8d', '#2e86c1', '#b7950b'];

export interface StackedBar {
  label: string;
  /** One count per series, in the series' order. */
  counts: number[];
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 40, left: 36 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about four ticks up to the largest bar. */
export function axisStep(max: number): number {
  if (max <= 4) return 1;
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!;
}

/** Bars of several series stacked, one per period (week), with a value axis and a legend. */
export function stackedBarChart(props: { title: string; bars: StackedBar[]; series: string[] }): SafeHtml {
  const { title, bars, series } = props;
  const totals = bars.map((b) => b.counts.reduce((a, n) => a + n, 0));
  const step = axisStep(Math.max(0, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const y = (value: number) => MARGIN.top + PLOT_H - (value / top) * PLOT_H;
  const slot = PLOT_W / Math.max(1, bars.length);
  const barWidth = Math.max(1, slot * 0.7);
  // At most about twelve labels under the bars, so they never overlap.
  const labelEvery = Math.ceil(bars.length / 12);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const total = totals.reduce((a, n) => a + n, 0);
  const described = `${total} in all over ${bars.length} weeks; ${series
    .map((name, s) => `${name}: ${bars.reduce((a, b) => a + (b.counts[s] ?? 0), 0)}`)
    .join(', ')}.`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-weekly-title chart-weekly-desc">
        <title id="chart-weekly-title">{title}</title>
        <desc id="chart-weekly-desc">{described}</desc>
        {ticks.map((t) => (
          <g>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={MARGIN.left - 4} y={y(t) + 4} text-anchor="end" font-size="11" fill="#555">
              {t}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g>
              {bar.counts.map((n, s) => {
                if (n === 0) return '';
                const rect = (
                  <rect
                    x={x.toFixed(1)}
                    y={y(base + n).toFixed(1)}
                    width={barWidth.toFixed(1)}
                    height={(y(base) - y(base + n)).toFixed(1)}
                    fill={SERIES_COLOURS[s % SERIES_COLOURS.length]}
                  >
                    <title>{`${bar.label}, ${series[s]}: ${n}`}</title>
                  </rect>
                );
                base += n;
                return rect;
              })}
              {i % labelEvery === 0 ? (
                <text
                  x={(x + barWidth / 2).toFixed(1)}
                  y={HEIGHT - MARGIN.bottom + 14}
                  text-anchor="middle"
                  font-size="10"
                  fill="#555"
                >
                  {bar.label}
                </text>
              ) : (
                ''
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((name, s) => (
            <li>
              <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
                <rect width="10" height="10" fill={SERIES_COLOURS[s % SERIES_COLOURS.length]} />
              </svg>{' '}
              {name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A share drawn as a filled bar out of 100%, with the figures in words beside it; none to count: says so. */
export function shareMeter(props: { title: string; part: number; whole: number; words: string }): SafeHtml {
  const { title, part, whole, words } = props;
  const percent = whole === 0 ? null : Math.round((part / whole) * 100);
  const fill = percent === null ? 0 : percent;
  const colour = percent === null || percent >= 95 ? '#4c9a2a' : percent >= 80 ? '#e07b00' : '#c0392b';
  return (
    <figure class="chart meter">
      <svg
        viewBox="0 0 200 16"
        role="img"
        aria-label={percent === null ? `${title}: none to count` : `${title}: ${percent}%`}
      >
        <rect width="200" height="16" fill="#eee" />
        <rect width={(fill * 2).toFixed(1)} height="16" fill={colour} />
      </svg>
      <figcaption>
        <strong>{percent === null ? '—' : `${percent}%`}</strong> {words}
      </figcaption>
    </figure>
  );
}
