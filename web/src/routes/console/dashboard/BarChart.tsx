import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { Table } from '../Table';
import { labelsAbove, show } from './plot';

/** Shown where there is nothing to count. */
const EMPTY = '–';

/** One row of a chart: a label and its value in the period and in the comparison period. */
export interface Bar {
  label: string;
  current: number | null;
  previous: number | null;
  /** A mark to measure against, such as a norm's target percentage. */
  target?: number | null;
}

export interface BarChartProps {
  title: ReactNode;
  /** What the chart shows, for screen readers. */
  description: string;
  bars: readonly Bar[];
  /** Percentages (0–100) or counts. */
  unit: 'percent' | 'count';
  /** The names of the two periods, as the legend and the table say them. */
  periods: { current: string; previous: string };
  /** The heading of the labels' column in the table. */
  labelHeading: ReactNode;
  /** The heading of the targets' column, where bars have targets. */
  targetHeading?: ReactNode;
}

interface Row {
  label: string;
  period: string;
  value: number;
}

/**
 * Horizontal bars of a period beside its comparison period, drawn with Observable Plot as SVG
 * with ARIA labels (each bar says its label, period and value), and the same figures as a
 * table beside it. Colours come from the theme through CSS classes, never from code.
 */
export function BarChart({
  title,
  description,
  bars,
  unit,
  periods,
  labelHeading,
  targetHeading,
}: BarChartProps) {
  const intl = useIntl();
  const holder = useRef<HTMLDivElement>(null);
  const heading = useId();
  const format = (value: number) =>
    unit === 'percent'
      ? intl.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 })
      : intl.formatNumber(value);
  const figure = (value: number | null) => (value === null ? EMPTY : format(value));
  const difference = (value: number) =>
    unit === 'percent'
      ? intl.formatMessage(
          {
            id: 'console.report.points',
            defaultMessage: '{points, number, ::sign-always .#} procentpunt',
            description: 'A change in percentage points',
          },
          { points: value },
        )
      : intl.formatNumber(value, { signDisplay: 'always' });
  const rows: Row[] = bars.flatMap((bar) => [
    ...(bar.current === null
      ? []
      : [{ label: bar.label, period: periods.current, value: bar.current }]),
    ...(bar.previous === null
      ? []
      : [{ label: bar.label, period: periods.previous, value: bar.previous }]),
  ]);
  const targets = bars.filter((b) => b.target !== undefined && b.target !== null);
  const key = JSON.stringify({ rows, targets, unit, periods });

  useEffect(() => {
    const element = holder.current;
    if (!element) return undefined;
    const aria = (row: Row) => `${row.label}, ${row.period}: ${format(row.value)}`;
    const chart = Plot.plot({
      ariaLabel: typeof title === 'string' ? title : undefined,
      ariaDescription: description,
      marginLeft: 8,
      width: Math.max(element.clientWidth, 280),
      x: {
        label: null,
        domain: unit === 'percent' ? [0, 100] : undefined,
        grid: true,
        tickFormat: (v: number) => format(v),
      },
      y: { label: null, axis: null, domain: [periods.current, periods.previous] },
      fy: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(
          rows.filter((r) => r.period === periods.current),
          {
            x: 'value',
            y: 'period',
            fy: 'label',
            fill: 'currentColor',
            className: 'loket-plot-current',
            ariaLabel: aria,
          },
        ),
        Plot.barX(
          rows.filter((r) => r.period === periods.previous),
          {
            x: 'value',
            y: 'period',
            fy: 'label',
            fill: 'currentColor',
            className: 'loket-plot-previous',
            ariaLabel: aria,
          },
        ),
        Plot.tickX(targets, {
          x: 'target',
          fy: 'label',
          stroke: 'currentColor',
          strokeWidth: 3,
          className: 'loket-plot-target',
          ariaLabel: (b: Bar) => `${b.label}: ${format(b.target ?? 0)}`,
        }),
        Plot.text(rows, {
          x: 'value',
          y: 'period',
          fy: 'label',
          text: (r: Row) => format(r.value),
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
          ariaHidden: 'true',
        }),
        labelsAbove({ facet: true, dy: -4 }),
      ],
    });
    return show(element, chart);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the figures change
  }, [key]);

  return (
    <figure className="loket-chart" aria-labelledby={heading}>
      <figcaption id={heading} className="loket-chart__title">
        {title}
      </figcaption>
      <ul className="loket-chart__legend" aria-hidden="true">
        <li className="loket-chart__key">
          <span className="loket-chart__swatch loket-plot-current" />
          {periods.current}
        </li>
        <li className="loket-chart__key">
          <span className="loket-chart__swatch loket-plot-previous" />
          {periods.previous}
        </li>
      </ul>
      <div ref={holder} className="loket-chart__plot" />
      <Table
        caption={title}
        columns={[
          labelHeading,
          periods.current,
          periods.previous,
          ...(targetHeading ? [targetHeading] : []),
          <FormattedMessage
            key="change"
            id="console.report.change"
            defaultMessage="Verschil"
            description="Column: the period minus the comparison period"
          />,
        ]}
      >
        {bars.map((bar) => (
          <tr key={bar.label} className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {bar.label}
            </th>
            <td className="utrecht-table__cell loket-figure">{figure(bar.current)}</td>
            <td className="utrecht-table__cell loket-figure">{figure(bar.previous)}</td>
            {targetHeading && (
              <td className="utrecht-table__cell loket-figure">{figure(bar.target ?? null)}</td>
            )}
            <td className="utrecht-table__cell loket-figure">
              {bar.current === null || bar.previous === null
                ? EMPTY
                : difference(bar.current - bar.previous)}
            </td>
          </tr>
        ))}
      </Table>
    </figure>
  );
}
