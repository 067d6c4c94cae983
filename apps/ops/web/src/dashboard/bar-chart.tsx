import { type ReactNode, useId } from 'react';
import { axisTicks, scaleLinear } from './chart-scale';

const WIDTH = 560;
const LABEL_WIDTH = 170;
const VALUE_GAP = 6;
const ROW = 26;
const BAR = 16;
const AXIS = 22;

/** Horizontal bars with labels, values at the bar ends and a data table for assistive technology. */
export function BarChart(props: {
  title: string;
  data: readonly { label: string; value: number }[];
  unit: string;
  emptyText: string;
}): ReactNode {
  const { title, data, unit, emptyText } = props;
  const id = useId();
  if (data.length === 0) {
    return <p className="muted">{emptyText}</p>;
  }
  const max = Math.max(...data.map((entry) => entry.value));
  const ticks = axisTicks(max);
  const plotWidth = WIDTH - LABEL_WIDTH - 40;
  const x = scaleLinear(ticks[ticks.length - 1] ?? 1, plotWidth);
  const height = data.length * ROW + AXIS;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {data.map((entry) => `${entry.label}: ${entry.value} ${unit}`).join('; ')}
        </desc>
        {ticks.map((tick) => (
          <g key={tick} transform={`translate(${LABEL_WIDTH + x(tick)},0)`}>
            <line className="chart__grid" y1={0} y2={data.length * ROW} />
            <text className="chart__tick" y={data.length * ROW + 15} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {data.map((entry, index) => (
          <g key={entry.label} transform={`translate(0,${index * ROW})`}>
            <text className="chart__label" x={LABEL_WIDTH - 8} y={ROW / 2 + 4} textAnchor="end">
              {entry.label.length > 24 ? `${entry.label.slice(0, 23)}…` : entry.label}
            </text>
            <rect
              className="chart__bar"
              x={LABEL_WIDTH}
              y={(ROW - BAR) / 2}
              width={Math.max(1, x(entry.value))}
              height={BAR}
            />
            <text className="chart__value" x={LABEL_WIDTH + x(entry.value) + VALUE_GAP} y={ROW / 2 + 4}>
              {entry.value}
            </text>
          </g>
        ))}
      </svg>
      <details className="chart__data">
        <summary>Data table</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="numeric">
                {unit}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.label}>
                <th scope="row">{entry.label}</th>
                <td className="numeric">{entry.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
