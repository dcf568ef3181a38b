import { Heading2 } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { formatAddress } from '../../format';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const ComparablesFragment = graphql(`
  fragment ComparablesPlot_Report on ValuationReportInfo {
    radiusMeters
    object {
      address {
        latitude
        longitude
      }
    }
    comparables {
      id
      value
      floorArea
      buildYear
      distanceMeters
      address {
        street
        houseNumber
        letter
        addition
        postcode
        city
        latitude
        longitude
      }
    }
  }
`);

export const DIRECTIONS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const SIZE = 300;
const CENTRE = SIZE / 2;
const REACH = 130;

/** Metres east and north of `from`, near enough for a neighbourhood. */
export function offset(
  from: { latitude: number; longitude: number },
  to: { latitude: number; longitude: number },
): { east: number; north: number } {
  const east =
    (to.longitude - from.longitude) * 111_320 * Math.cos((from.latitude * Math.PI) / 180);
  const north = (to.latitude - from.latitude) * 110_540;
  return { east, north };
}

/** The compass direction of an offset. */
export function direction({ east, north }: { east: number; north: number }): Direction {
  const degrees = (Math.atan2(east, north) * 180) / Math.PI;
  const index = Math.round(((degrees + 360) % 360) / 45) % 8;
  return DIRECTIONS[index] ?? 'n';
}

function DirectionName({ value }: { value: Direction }) {
  switch (value) {
    case 'n':
      return (
        <FormattedMessage id="direction.n" defaultMessage="noord" description="Compass direction" />
      );
    case 'ne':
      return (
        <FormattedMessage
          id="direction.ne"
          defaultMessage="noordoost"
          description="Compass direction"
        />
      );
    case 'e':
      return (
        <FormattedMessage id="direction.e" defaultMessage="oost" description="Compass direction" />
      );
    case 'se':
      return (
        <FormattedMessage
          id="direction.se"
          defaultMessage="zuidoost"
          description="Compass direction"
        />
      );
    case 's':
      return (
        <FormattedMessage id="direction.s" defaultMessage="zuid" description="Compass direction" />
      );
    case 'sw':
      return (
        <FormattedMessage
          id="direction.sw"
          defaultMessage="zuidwest"
          description="Compass direction"
        />
      );
    case 'w':
      return (
        <FormattedMessage id="direction.w" defaultMessage="west" description="Compass direction" />
      );
    case 'nw':
      return (
        <FormattedMessage
          id="direction.nw"
          defaultMessage="noordwest"
          description="Compass direction"
        />
      );
    default: {
      const unreachable: never = value;
      return unreachable;
    }
  }
}

export interface ComparablesPlotProps extends HTMLAttributes<HTMLElement> {
  report: FragmentType<typeof ComparablesFragment>;
}

/**
 * The comparable homes: a list with distance, direction and value, and beside it a plot of
 * where they lie around the home (north up, drawn here, no map tiles from elsewhere).
 */
export const ComparablesPlot = forwardRef<HTMLElement, ComparablesPlotProps>(
  function ComparablesPlot({ report, className, ...props }, ref) {
    const intl = useIntl();
    const id = useId();
    const data = getFragmentData(ComparablesFragment, report);
    const home = data.object.address;
    const euro = (value: number) =>
      intl.formatNumber(value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const scale = REACH / Math.max(1, data.radiusMeters);
    const points = data.comparables.map((c, index) => {
      const o = home && c.address ? offset(home, c.address) : { east: 0, north: 0 };
      return { c, index, o, x: CENTRE + o.east * scale, y: CENTRE - o.north * scale };
    });
    const ring = (metres: number) =>
      intl.formatMessage(
        {
          id: 'comparables.ring',
          defaultMessage: '{metres} m',
          description: 'Distance ring label',
        },
        { metres: intl.formatNumber(metres) },
      );
    return (
      <section
        ref={ref}
        aria-labelledby={`${id}-heading`}
        className={['loket-comparables', className].filter(Boolean).join(' ')}
        {...props}
      >
        <Heading2 id={`${id}-heading`}>
          <FormattedMessage
            id="comparables.heading"
            defaultMessage="Vergelijkbare woningen"
            description="Heading of the comparables"
          />
        </Heading2>
        <div className="loket-comparables__layout">
          <ol className="loket-comparables__list">
            {points.map(({ c, o }) => (
              <li key={c.id} className="loket-comparables__item">
                <span className="loket-comparables__address">
                  {c.address ? formatAddress({ ...c.address, postcode: '', city: '' }) : c.id}
                </span>
                <br />
                <FormattedMessage
                  id="comparables.item"
                  defaultMessage="{distance} meter {direction} · {value} · {area} m² · bouwjaar {year}"
                  description="A comparable home's distance, direction, value, floor area and build year"
                  values={{
                    distance: intl.formatNumber(c.distanceMeters),
                    direction: <DirectionName value={direction(o)} />,
                    value: euro(c.value),
                    area: c.floorArea,
                    year: c.buildYear,
                  }}
                />
              </li>
            ))}
          </ol>
          <svg
            className="loket-comparables__plot"
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            role="img"
            aria-labelledby={`${id}-plot`}
            focusable="false"
          >
            <title id={`${id}-plot`}>
              {intl.formatMessage(
                {
                  id: 'comparables.plot',
                  defaultMessage:
                    'Kaartje zonder ondergrond: uw woning in het midden, {count, plural, one {de vergelijkbare woning} other {de # vergelijkbare woningen}} met het nummer uit de lijst, tot {radius} meter, noord boven',
                  description: 'Text alternative of the relative-position plot',
                },
                { count: points.length, radius: intl.formatNumber(data.radiusMeters) },
              )}
            </title>
            <circle className="loket-comparables__ring" cx={CENTRE} cy={CENTRE} r={REACH} />
            <circle className="loket-comparables__ring" cx={CENTRE} cy={CENTRE} r={REACH / 2} />
            <text className="loket-comparables__ring-label" x={CENTRE + 4} y={CENTRE - REACH + 12}>
              {ring(data.radiusMeters)}
            </text>
            <text
              className="loket-comparables__ring-label"
              x={CENTRE + 4}
              y={CENTRE - REACH / 2 + 12}
            >
              {ring(Math.round(data.radiusMeters / 2))}
            </text>
            <text className="loket-comparables__north" x={CENTRE} y={12} textAnchor="middle">
              {intl.formatMessage({
                id: 'comparables.north',
                defaultMessage: 'N',
                description: 'North marker on the plot',
              })}
            </text>
            {points.map(({ c, index, x, y }) => (
              <g key={c.id} className="loket-comparables__point">
                <circle cx={x} cy={y} r={9} />
                <text x={x} y={y + 3.5} textAnchor="middle">
                  {index + 1}
                </text>
              </g>
            ))}
            <rect
              className="loket-comparables__home"
              x={CENTRE - 9}
              y={CENTRE - 9}
              width={18}
              height={18}
            />
            <text
              className="loket-comparables__home-label"
              x={CENTRE}
              y={CENTRE + 4}
              textAnchor="middle"
            >
              {intl.formatMessage({
                id: 'comparables.you',
                defaultMessage: 'U',
                description: 'Marks your own home on the plot',
              })}
            </text>
          </svg>
        </div>
      </section>
    );
  },
);
