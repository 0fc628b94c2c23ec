import { useMemo } from 'react';
import type { DashboardGetOutput } from '../../../src-shared/contract/timeline.js';
import { utcText } from '../../ui/Time.js';
import { chartModel, seriesColour, type ChartDimension } from './chart-model.js';

const WIDTH = 880;
const HEIGHT = 240;
const PAD = { left: 44, right: 8, top: 10, bottom: 26 };

const bucketLabel = (iso: string, bucketSeconds: number) => {
  const date = new Date(iso);
  return bucketSeconds >= 86_400
    ? date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
};

/** Stacked columns of deliveries per time bucket, split by provider or by status. Drawn as plain SVG. */
export function CountsChart({ data, dimension }: { data: DashboardGetOutput; dimension: ChartDimension }) {
  const model = useMemo(() => chartModel(data.buckets, dimension), [data.buckets, dimension]);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, model.columns.length);
  const barW = Math.max(1, slot * 0.78);
  const y = (v: number) => PAD.top + plotH - (v / model.yMax) * plotH;
  // About eight labels along the time axis, whatever the bucket count.
  const labelEvery = Math.max(1, Math.ceil(model.columns.length / 8));
  const colours = new Map(model.series.map((name, i) => [name, seriesColour(dimension, name, i)]));
  return (
    <figure className="counts-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Deliveries per ${data.bucketSeconds >= 86_400 ? 'day' : 'hour'}, ${dimension === 'byProvider' ? 'by provider' : 'by status'}`}>
        {model.yTicks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick.toLocaleString()}
            </text>
          </g>
        ))}
        {model.columns.map((column, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={column.start} data-bucket={column.start}>
              <title>{`${utcText(new Date(column.start))}: ${column.total.toLocaleString()} deliveries${column.segments.map((s) => `\n${s.series}: ${(s.y1 - s.y0).toLocaleString()}`).join('')}`}</title>
              {/* A full-height transparent target, so an empty or tiny bucket still shows its tooltip. */}
              <rect x={PAD.left + i * slot} y={PAD.top} width={slot} height={plotH} fill="transparent" />
              {column.segments.map((segment) => (
                <rect
                  key={segment.series}
                  className="chart-bar"
                  x={x}
                  y={y(segment.y1)}
                  width={barW}
                  height={Math.max(0.5, y(segment.y0) - y(segment.y1))}
                  fill={colours.get(segment.series)}
                />
              ))}
              {i % labelEvery === 0 ? (
                <text className="chart-axis" x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle">
                  {bucketLabel(column.start, data.bucketSeconds)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line className="chart-baseline" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
      </svg>
      <figcaption className="chart-legend">
        {model.series.length === 0 ? (
          <span className="muted">No deliveries in this range.</span>
        ) : (
          model.series.map((name) => (
            <span key={name} className="legend-item">
              <span className="legend-swatch" style={{ background: colours.get(name) }} />
              {name} <span className="muted">{(data.totals[dimension][name] ?? 0).toLocaleString()}</span>
            </span>
          ))
        )}
      </figcaption>
    </figure>
  );
}
