import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';

import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { DateText } from '../DateText';

export const ReportSummaryFragment = graphql(`
  fragment ReportSummary_Report on Report {
    reference
    category {
      name
    }
    status {
      name
      explanation
    }
    createdAt
    expectedBy
    closedAt
    outcome {
      name
    }
  }
`);

export interface ReportSummaryProps extends HTMLAttributes<HTMLElement> {
  report: FragmentType<typeof ReportSummaryFragment>;
}

/**
 * A report about public space as its reporter follows it: the reference, the category, the
 * status with its standard text, when it was filed and is expected to be handled, and how it
 * ended.
 */
export const ReportSummary = forwardRef<HTMLElement, ReportSummaryProps>(function ReportSummary(
  { report: reportRef, className, ...props },
  ref,
) {
  const r = getFragmentData(ReportSummaryFragment, reportRef);
  const heading = useId();
  return (
    <article
      ref={ref}
      aria-labelledby={heading}
      className={['loket-case-summary', 'loket-report-summary', className]
        .filter(Boolean)
        .join(' ')}
      {...props}
    >
      <Heading3 id={heading} className="loket-case-summary__heading" lang="nl">
        {r.category.name}
      </Heading3>
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="report.reference"
              defaultMessage="Meldingnummer"
              description="Label of a report's reference"
            />
          </dt>
          <dd className="loket-case-summary__reference">{r.reference}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="case.status"
              defaultMessage="Status"
              description="Label of a case's status"
            />
          </dt>
          <dd lang="nl">{r.status.name}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="report.filed"
              defaultMessage="Gemeld op"
              description="Label of the day a report was filed"
            />
          </dt>
          <dd>
            <DateText value={r.createdAt} />
          </dd>
        </div>
        {r.closedAt ? (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="report.closed"
                defaultMessage="Afgehandeld op"
                description="Label of the day a report ended"
              />
            </dt>
            <dd>
              <DateText value={r.closedAt} />
            </dd>
          </div>
        ) : (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="report.expected"
                defaultMessage="Verwacht klaar uiterlijk"
                description="Label of the day a report is expected to be handled by"
              />
            </dt>
            <dd>
              <DateText value={r.expectedBy} />
            </dd>
          </div>
        )}
        {r.outcome && (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="report.outcome"
                defaultMessage="Uitkomst"
                description="Label of how a report ended"
              />
            </dt>
            <dd lang="nl">{r.outcome.name}</dd>
          </div>
        )}
      </dl>
      <Paragraph className="loket-report-summary__explanation" lang="nl">
        {r.status.explanation}
      </Paragraph>
    </article>
  );
});
