import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { Table } from '../Table';
import { labelsAbove, show } from './plot';

/** Shown where there is nothing to give. */
const EMPTY = '–';

/** Why a figure or the municipality's own value was not compared. */
export type Standing = 'COMPARED' | 'TOO_FEW_EVENTS' | 'TOO_FEW_PARTICIPANTS';

/** One compared figure, as the chart and its table show it. */
export interface ComparedFigure {
  label: string;
  /** The municipality's own percentage, if it has one. */
  own: number | null;
  standing: Standing | null;
  rank: number | null;
  participants: number;
  /** Lower quartile, median and upper quartile, where the figure was compared. */
  spread: { lowerQuartile: number; median: number; upperQuartile: number } | null;
  named: readonly { name: string; percentage: number }[];
}

export interface ComparisonChartProps {
  title: ReactNode;
  description: string;
  figures: readonly ComparedFigure[];
}

interface Point {
  label: string;
  name: string;
  value: number;
}

/**
 * The municipality beside the others, per figure: the band from the lower to the upper
 * quartile, the median as a stroke, its own value as a dot and the named municipalities as
 * rings, drawn with Observable Plot as SVG with ARIA labels; and every figure, withheld ones
 * with the reason, in the table beside it.
 */
export function ComparisonChart({ title, description, figures }: ComparisonChartProps) {
  const intl = useIntl();
  const holder = useRef<HTMLDivElement>(null);
  const heading = useId();
  const percent = (value: number) =>
    intl.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  const compared = figures.filter((f) => f.spread !== null);
  const own = intl.formatMessage({
    id: 'console.benchmark.own',
    defaultMessage: 'Eigen gemeente',
    description: 'Legend and column: the municipality of the employee',
  });
  const median = intl.formatMessage({
    id: 'console.benchmark.median',
    defaultMessage: 'Mediaan',
    description: 'Legend and column: the median of the participants',
  });
  const band = intl.formatMessage({
    id: 'console.benchmark.band',
    defaultMessage: 'Middelste helft (kwartielen)',
    description: 'Legend: the band from the lower to the upper quartile',
  });
  const ownPoints: Point[] = compared.flatMap((f) =>
    f.own === null ? [] : [{ label: f.label, name: own, value: f.own }],
  );
  const namedPoints: Point[] = compared.flatMap((f) =>
    f.named.map((n) => ({ label: f.label, name: n.name, value: n.percentage })),
  );
  const key = JSON.stringify({ compared, own });

  useEffect(() => {
    const element = holder.current;
    if (!element || compared.length === 0) return undefined;
    const spreads = compared.flatMap((f) => (f.spread ? [{ label: f.label, ...f.spread }] : []));
    const aria = (p: Point) => `${p.label}, ${p.name}: ${percent(p.value)}`;
    const chart = Plot.plot({
      ariaLabel: typeof title === 'string' ? title : undefined,
      ariaDescription: description,
      marginLeft: 8,
      height: 40 + compared.length * 56,
      width: Math.max(element.clientWidth, 280),
      x: { label: null, domain: [0, 100], grid: true, tickFormat: (v: number) => percent(v) },
      y: { label: null, axis: null, domain: compared.map((f) => f.label) },
      marks: [
        Plot.barX(spreads, {
          x1: 'lowerQuartile',
          x2: 'upperQuartile',
          y: 'label',
          fill: 'currentColor',
          className: 'loket-plot-previous',
          insetTop: 14,
          insetBottom: 14,
          ariaLabel: (s: (typeof spreads)[number]) =>
            `${s.label}, ${band}: ${percent(s.lowerQuartile)} – ${percent(s.upperQuartile)}`,
        }),
        Plot.tickX(spreads, {
          x: 'median',
          y: 'label',
          stroke: 'currentColor',
          strokeWidth: 3,
          className: 'loket-plot-target',
          ariaLabel: (s: (typeof spreads)[number]) => `${s.label}, ${median}: ${percent(s.median)}`,
        }),
        Plot.dot(namedPoints, {
          x: 'value',
          y: 'label',
          r: 5,
          stroke: 'currentColor',
          className: 'loket-plot-target',
          ariaLabel: aria,
        }),
        Plot.dot(ownPoints, {
          x: 'value',
          y: 'label',
          r: 7,
          fill: 'currentColor',
          className: 'loket-plot-current',
          ariaLabel: aria,
        }),
        labelsAbove({ facet: false, dy: -18 }),
      ],
    });
    return show(element, chart);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the figures change
  }, [key]);

  const standing = (figure: ComparedFigure) => {
    switch (figure.standing) {
      case 'COMPARED':
        return intl.formatMessage(
          {
            id: 'console.benchmark.rank',
            defaultMessage: '{rank} van {participants}',
            description: 'Cell: the rank among the participants',
          },
          { rank: figure.rank ?? 0, participants: figure.participants },
        );
      case 'TOO_FEW_EVENTS':
        return intl.formatMessage({
          id: 'console.benchmark.tooFewEvents',
          defaultMessage: 'Niet vergeleken: te weinig gevallen',
          description: 'Cell: the own value rests on too few events to compare',
        });
      case 'TOO_FEW_PARTICIPANTS':
        return intl.formatMessage({
          id: 'console.benchmark.tooFewParticipants',
          defaultMessage: 'Niet vergeleken: te weinig deelnemers',
          description: 'Cell: too few municipalities took part in the figure',
        });
      default:
        return EMPTY;
    }
  };

  return (
    <figure className="loket-chart" aria-labelledby={heading}>
      <figcaption id={heading} className="loket-chart__title">
        {title}
      </figcaption>
      {compared.length > 0 && (
        <>
          <ul className="loket-chart__legend" aria-hidden="true">
            <li className="loket-chart__key">
              <span className="loket-chart__swatch loket-plot-current" />
              {own}
            </li>
            <li className="loket-chart__key">
              <span className="loket-chart__swatch loket-plot-previous" />
              {band}
            </li>
            <li className="loket-chart__key">
              <span className="loket-chart__swatch loket-plot-target" />
              {median}
            </li>
          </ul>
          <div ref={holder} className="loket-chart__plot" />
        </>
      )}
      <Table
        caption={title}
        columns={[
          <FormattedMessage
            key="figure"
            id="console.benchmark.figure"
            defaultMessage="Maat"
            description="Column: what is compared"
          />,
          own,
          <FormattedMessage
            key="standing"
            id="console.benchmark.standing"
            defaultMessage="Plaats"
            description="Column: the rank, or why the value was not compared"
          />,
          <FormattedMessage
            key="quartiles"
            id="console.benchmark.quartiles"
            defaultMessage="Kwartielen"
            description="Column: lower quartile, median, upper quartile"
          />,
          <FormattedMessage
            key="named"
            id="console.benchmark.named"
            defaultMessage="Met naam"
            description="Column: the municipalities that share their figures by name"
          />,
        ]}
      >
        {figures.map((figure) => (
          <tr key={figure.label} className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {figure.label}
            </th>
            <td className="utrecht-table__cell loket-figure">
              {figure.own === null ? EMPTY : percent(figure.own)}
            </td>
            <td className="utrecht-table__cell">{standing(figure)}</td>
            <td className="utrecht-table__cell loket-figure">
              {figure.spread
                ? [figure.spread.lowerQuartile, figure.spread.median, figure.spread.upperQuartile]
                    .map(percent)
                    .join(' / ')
                : EMPTY}
            </td>
            <td className="utrecht-table__cell">
              {figure.named.length === 0
                ? EMPTY
                : figure.named.map((n) => `${n.name} ${percent(n.percentage)}`).join(', ')}
            </td>
          </tr>
        ))}
      </Table>
    </figure>
  );
}
