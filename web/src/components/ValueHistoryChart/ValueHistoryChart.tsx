import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const ValueHistoryFragment = graphql(`
  fragment ValueHistoryChart_Report on ValuationReportInfo {
    history {
      referenceDate
      value
    }
  }
`);

export interface ValueHistoryChartProps extends HTMLAttributes<HTMLElement> {
  report: FragmentType<typeof ValueHistoryFragment>;
}

const WIDTH = 320;
const HEIGHT = 180;
const TOP = 12;
const BOTTOM = 24;
const SIDE = 8;

/**
 * The value of a home over the years: a bar chart (an image with a summary for screen
 * readers) and the same values in a table below it.
 */
export const ValueHistoryChart = forwardRef<HTMLElement, ValueHistoryChartProps>(
  function ValueHistoryChart({ report, className, ...props }, ref) {
    const intl = useIntl();
    const id = useId();
    const { history } = getFragmentData(ValueHistoryFragment, report);
    const euro = (value: number) =>
      intl.formatNumber(value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const year = (date: string) => date.slice(0, 4);
    const max = Math.max(1, ...history.map((h) => h.value));
    const slot = (WIDTH - 2 * SIDE) / Math.max(1, history.length);
    const height = (value: number) => ((HEIGHT - TOP - BOTTOM) * value) / max;
    const first = history[0];
    const last = history.at(-1);
    const summary =
      first && last
        ? intl.formatMessage(
            {
              id: 'valuation.chart.summary',
              defaultMessage: 'WOZ-waarde van {from} ({fromYear}) tot {to} ({toYear})',
              description: 'Text alternative of the value chart',
            },
            {
              from: euro(first.value),
              fromYear: year(first.referenceDate),
              to: euro(last.value),
              toYear: year(last.referenceDate),
            },
          )
        : '';
    return (
      <figure
        ref={ref}
        aria-labelledby={`${id}-caption`}
        className={['loket-chart', className].filter(Boolean).join(' ')}
        {...props}
      >
        <figcaption id={`${id}-caption`} className="loket-chart__caption">
          <FormattedMessage
            id="valuation.chart.caption"
            defaultMessage="De WOZ-waarde van uw woning door de jaren heen"
            description="Caption of the value history"
          />
        </figcaption>
        <svg
          className="loket-chart__image"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title`}
          focusable="false"
        >
          <title id={`${id}-title`}>{summary}</title>
          <line
            className="loket-chart__axis"
            x1={SIDE}
            x2={WIDTH - SIDE}
            y1={HEIGHT - BOTTOM}
            y2={HEIGHT - BOTTOM}
          />
          {history.map((h, i) => {
            const x = SIDE + i * slot + slot * 0.2;
            const barHeight = height(h.value);
            return (
              <g key={h.referenceDate}>
                <rect
                  className={
                    i === history.length - 1
                      ? 'loket-chart__bar loket-chart__bar--current'
                      : 'loket-chart__bar'
                  }
                  x={x}
                  y={HEIGHT - BOTTOM - barHeight}
                  width={slot * 0.6}
                  height={barHeight}
                />
                <text
                  className="loket-chart__label"
                  x={x + slot * 0.3}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                >
                  {year(h.referenceDate)}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="utrecht-table loket-chart__table">
          <caption className="utrecht-table__caption">
            <FormattedMessage
              id="valuation.table.caption"
              defaultMessage="WOZ-waarde per jaar"
              description="Caption of the table with the values"
            />
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                <FormattedMessage
                  id="valuation.table.date"
                  defaultMessage="Peildatum"
                  description="Column: reference date"
                />
              </th>
              <th
                scope="col"
                className="utrecht-table__header-cell utrecht-table__header-cell--numeric"
              >
                <FormattedMessage
                  id="valuation.table.value"
                  defaultMessage="Waarde"
                  description="Column: value"
                />
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {history.map((h) => (
              <tr key={h.referenceDate} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {intl.formatDate(`${h.referenceDate}T12:00:00Z`, { dateStyle: 'long' })}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  {euro(h.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    );
  },
);
