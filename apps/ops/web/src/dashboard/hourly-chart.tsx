import { type ReactNode, useId } from 'react';
import type { Dashboard } from '../api/ops-api.types';
import { axisTicks, hourLabel, scaleLinear } from './chart-scale';

const WIDTH = 1120;
const HEIGHT = 230;
const LEFT = 36;
const BOTTOM = 24;
const TOP = 8;

/**
 * HOLD and RELEASE decisions per hour as paired columns. RELEASE is hatched, so the two series differ
 * by pattern as well as colour.
 */
export function HourlyChart(props: { buckets: Dashboard['decisionsPerHour'] }): ReactNode {
  const { buckets } = props;
  const id = useId();
  if (buckets.length === 0) {
    return <p className="muted">No decisions in the last 24 hours.</p>;
  }
  const max = Math.max(...buckets.flatMap((bucket) => [bucket.HOLD, bucket.RELEASE]));
  const ticks = axisTicks(max);
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const y = scaleLinear(ticks[ticks.length - 1] ?? 1, plotHeight);
  const slot = (WIDTH - LEFT) / buckets.length;
  const column = Math.max(2, slot / 2 - 2);
  const totals = buckets.reduce(
    (sum, bucket) => ({ HOLD: sum.HOLD + bucket.HOLD, RELEASE: sum.RELEASE + bucket.RELEASE }),
    { HOLD: 0, RELEASE: 0 },
  );
  const patternId = `${id}-hatch`;
  return (
    <figure className="chart">
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="legend__swatch legend__swatch--hold" /> HOLD ({totals.HOLD})
        </li>
        <li>
          <span className="legend__swatch legend__swatch--release" /> RELEASE ({totals.RELEASE})
        </li>
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
      >
        <title id={`${id}-title`}>Decisions per hour, last 24 hours (UTC)</title>
        <desc id={`${id}-desc`}>
          {`${totals.HOLD} HOLD and ${totals.RELEASE} RELEASE decisions in ${buckets.length} hours.`}
        </desc>
        <defs>
          <pattern
            id={patternId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="chart__release-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="chart__release-line" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick} transform={`translate(0,${TOP + plotHeight - y(tick)})`}>
            <line className="chart__grid" x1={LEFT} x2={WIDTH} />
            <text className="chart__tick" x={LEFT - 6} y={4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {buckets.map((bucket, index) => {
          const x0 = LEFT + index * slot + 1;
          return (
            <g key={bucket.hour}>
              <rect
                className="chart__bar chart__bar--hold"
                x={x0}
                y={TOP + plotHeight - y(bucket.HOLD)}
                width={column}
                height={y(bucket.HOLD)}
              >
                <title>{`${hourLabel(bucket.hour)} HOLD ${bucket.HOLD}`}</title>
              </rect>
              <rect
                className="chart__bar chart__bar--release"
                style={{ fill: `url(#${patternId})` }}
                x={x0 + column + 1}
                y={TOP + plotHeight - y(bucket.RELEASE)}
                width={column}
                height={y(bucket.RELEASE)}
              >
                <title>{`${hourLabel(bucket.hour)} RELEASE ${bucket.RELEASE}`}</title>
              </rect>
              {index % 3 === 0 && (
                <text className="chart__tick" x={x0 + column} y={HEIGHT - 6} textAnchor="middle">
                  {hourLabel(bucket.hour)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details className="chart__data">
        <summary>Data table</summary>
        <table className="data-table">
          <caption className="visually-hidden">Decisions per hour</caption>
          <thead>
            <tr>
              <th scope="col">Hour (UTC)</th>
              <th scope="col" className="numeric">
                HOLD
              </th>
              <th scope="col" className="numeric">
                RELEASE
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.hour}>
                <th scope="row">{hourLabel(bucket.hour)}</th>
                <td className="numeric">{bucket.HOLD}</td>
                <td className="numeric">{bucket.RELEASE}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
