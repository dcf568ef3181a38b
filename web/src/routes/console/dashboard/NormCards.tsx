import { FormattedMessage, useIntl } from 'react-intl';

import type { ServiceDashboardQuery } from '../../../gql/graphql';

type Norm = ServiceDashboardQuery['serviceReport']['current']['norms'][number];

/** Each norm at a glance: achieved or not, the share measured against the target. */
export function NormCards({ norms }: { norms: readonly Norm[] }) {
  const intl = useIntl();
  const percent = (value: number) =>
    intl.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <ul className="loket-norms">
      {norms.map((norm) => (
        <li
          key={norm.norm}
          className={[
            'loket-norm',
            norm.achieved === true && 'loket-norm--achieved',
            norm.achieved === false && 'loket-norm--missed',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          <p className="loket-norm__name">{norm.description}</p>
          <p className="loket-norm__verdict">
            {norm.achieved === null || norm.achieved === undefined ? (
              <FormattedMessage
                id="console.norm.unmeasured"
                defaultMessage="Niets gemeten"
                description="A norm with nothing to measure in the period"
              />
            ) : norm.achieved ? (
              <FormattedMessage
                id="console.norm.achieved"
                defaultMessage="✓ Gehaald"
                description="A norm that was achieved"
              />
            ) : (
              <FormattedMessage
                id="console.norm.missed"
                defaultMessage="✗ Niet gehaald"
                description="A norm that was not achieved"
              />
            )}
          </p>
          {norm.compliance.percentage !== null && norm.compliance.percentage !== undefined && (
            <p className="loket-norm__figure">
              <FormattedMessage
                id="console.norm.figure"
                defaultMessage="{share} ({count} van {total}){target, select, none {} other {; norm {target}}}"
                description="A norm's measured share, its numbers, and its target"
                values={{
                  share: percent(norm.compliance.percentage),
                  count: norm.compliance.count,
                  total: norm.compliance.total,
                  target:
                    norm.targetPercentage === null || norm.targetPercentage === undefined
                      ? 'none'
                      : percent(norm.targetPercentage),
                }}
              />
            </p>
          )}
          {norm.pending > 0 && (
            <p className="loket-norm__pending">
              <FormattedMessage
                id="console.norm.pending"
                defaultMessage="{pending, plural, one {# terugbelverzoek loopt nog} other {# terugbelverzoeken lopen nog}}"
                description="Callbacks still open and not yet late"
                values={{ pending: norm.pending }}
              />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
