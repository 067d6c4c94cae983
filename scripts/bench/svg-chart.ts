/** Small dependency-free SVG charts for benchmark reports. */

export interface ChartSeries {
  name: string;
  points: Array<{ x: number; y: number }>;
  colour: string;
}

const WIDTH = 720;
const HEIGHT = 320;
const MARGIN = { left: 64, right: 16, top: 28, bottom: 40 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function niceMax(value: number): number {
  if (value <= 0) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  const step = steps.find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

function frame(
  title: string,
  xLabel: string,
  yLabel: string,
  xMax: number | null,
  yMax: number,
  body: string,
): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const yTicks = ticks
    .map((fraction) => {
      const y = MARGIN.top + plotHeight * (1 - fraction);
      return `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end">${formatTick(yMax * fraction)}</text>`;
    })
    .join('');
  const xTicks = (xMax === null ? [] : ticks)
    .map((fraction) => {
      const x = MARGIN.left + plotWidth * fraction;
      return `<text x="${x}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${formatTick((xMax ?? 0) * fraction)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(title)}</text>
${yTicks}${xTicks}
<text x="${WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle">${escapeXml(xLabel)}</text>
<text x="14" y="${HEIGHT / 2}" text-anchor="middle" transform="rotate(-90 14 ${HEIGHT / 2})">${escapeXml(yLabel)}</text>
${body}
</svg>
`;
}

function formatTick(value: number): string {
  if (value >= 10_000) {
    return `${Math.round(value / 1000)}k`;
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Lines over a shared x axis, e.g. events per second over elapsed seconds. */
export function lineChart(title: string, xLabel: string, yLabel: string, series: ChartSeries[]): string {
  const all = series.flatMap((line) => line.points);
  const xMax = niceMax(Math.max(0, ...all.map((point) => point.x)));
  const yMax = niceMax(Math.max(0, ...all.map((point) => point.y)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const body = series
    .map((line, index) => {
      const path = line.points
        .map(
          (point) =>
            `${MARGIN.left + (point.x / xMax) * plotWidth},${MARGIN.top + plotHeight * (1 - point.y / yMax)}`,
        )
        .join(' ');
      const legendY = MARGIN.top + 12 + index * 14;
      return `<polyline fill="none" stroke="${line.colour}" stroke-width="1.5" points="${path}"/><rect x="${WIDTH - MARGIN.right - 150}" y="${legendY - 8}" width="10" height="10" fill="${line.colour}"/><text x="${WIDTH - MARGIN.right - 136}" y="${legendY + 1}">${escapeXml(line.name)}</text>`;
    })
    .join('\n');
  return frame(title, xLabel, yLabel, xMax, yMax, body);
}

/** Bars of a latency distribution: counts per bucket upper bound (ms). */
export function histogramChart(title: string, buckets: Array<{ upperMs: number; count: number }>): string {
  const yMax = niceMax(Math.max(0, ...buckets.map((bucket) => bucket.count)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const barWidth = plotWidth / Math.max(1, buckets.length);
  const body = buckets
    .map((bucket, index) => {
      const height = (bucket.count / yMax) * plotHeight;
      const x = MARGIN.left + index * barWidth;
      return `<rect x="${x + 1}" y="${MARGIN.top + plotHeight - height}" width="${Math.max(1, barWidth - 2)}" height="${height}" fill="#3b6ea5"><title>≤ ${bucket.upperMs} ms: ${bucket.count}</title></rect>${index % Math.ceil(buckets.length / 10) === 0 ? `<text x="${x + barWidth / 2}" y="${HEIGHT - MARGIN.bottom + 28}" text-anchor="middle">≤${bucket.upperMs}</text>` : ''}`;
    })
    .join('');
  return frame(title, 'latency bucket (ms)', 'decisions', null, yMax, body);
}
