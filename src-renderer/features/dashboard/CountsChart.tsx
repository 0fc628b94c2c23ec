import { useMemo } from 'react';
import type { DashboardGetOutput } from '../../../src-shared/contract/timeline.js';
import { hrefFor } from '../../app/router.js';
import { utcText } from '../../ui/Time.js';
import { bucketInboxParams, bucketWords, chartModel, seriesColour, seriesLabel, type ChartDimension } from './chart-model.js';

const WIDTH = 880;
const HEIGHT = 240;
const PAD = { left: 44, right: 8, top: 10, bottom: 26 };

const bucketLabel = (iso: string, bucketSeconds: number) => {
  const date = new Date(iso);
  return bucketSeconds >= 86_400
    ? date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : bucketSeconds >= 6 * 3600
      ? date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit' })
      : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
};

/**
 * Stacked columns of deliveries per time bucket, split by provider or by status, drawn as plain
 * SVG. Each column opens the inbox for its time span, each segment for its provider or status too.
 */
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
  const per = bucketWords(data.bucketSeconds);
  const label = (name: string) => seriesLabel(dimension, name);
  return (
    <figure className="counts-chart">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG chart holding links; a fieldset cannot be drawn in SVG. */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={`Deliveries per ${per}, ${dimension === 'byProvider' ? 'by provider' : 'by status'}: each bar opens them in the inbox`}
      >
        {model.yTicks.map((tick) => (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> takes no focus; the axis numbers are drawing, not content.
          <g key={tick} className="chart-grid" aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick.toLocaleString()}
            </text>
          </g>
        ))}
        {model.columns.map((column, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const summary = `${utcText(new Date(column.start))}: ${column.total.toLocaleString()} deliveries${column.segments.map((s) => `, ${label(s.series)} ${(s.y1 - s.y0).toLocaleString()}`).join('')}`;
          return (
            <g key={column.start} data-bucket={column.start}>
              {column.total > 0 ? (
                // The whole column (a transparent target, so a tiny bucket is easy to hit) opens its time span.
                <a href={hrefFor({ page: 'inbox', params: bucketInboxParams(column.start, data.bucketSeconds) })} aria-label={summary} className="chart-column">
                  <title>{summary}</title>
                  <rect x={PAD.left + i * slot} y={PAD.top} width={slot} height={plotH} fill="transparent" />
                </a>
              ) : null}
              {column.segments.map((segment) => {
                const words = `${label(segment.series)}: ${(segment.y1 - segment.y0).toLocaleString()}, ${utcText(new Date(column.start))}`;
                // Out of the tab order (the column link above is the keyboard's): the segment adds its provider or status.
                return (
                  <a
                    key={segment.series}
                    href={hrefFor({ page: 'inbox', params: bucketInboxParams(column.start, data.bucketSeconds, { dimension, name: segment.series }) })}
                    tabIndex={-1}
                    aria-label={words}
                    className="chart-segment"
                  >
                    <title>{words}</title>
                    <rect
                      className="chart-bar"
                      x={x}
                      y={y(segment.y1)}
                      width={barW}
                      height={Math.max(0.5, y(segment.y0) - y(segment.y1))}
                      fill={colours.get(segment.series)}
                    />
                  </a>
                );
              })}
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
            <span key={name} className="legend-item" data-series={name}>
              <span className="legend-swatch" style={{ background: colours.get(name) }} />
              {label(name)} <span className="muted">{(data.totals[dimension][name] ?? 0).toLocaleString()}</span>
            </span>
          ))
        )}
      </figcaption>
    </figure>
  );
}
