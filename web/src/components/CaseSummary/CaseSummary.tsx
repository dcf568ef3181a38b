import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';

import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { DateText } from '../DateText';
import { RouterLink } from '../RouterLink';

export const CaseSummaryFragment = graphql(`
  fragment CaseSummary_Case on Case {
    reference
    caseType {
      name
    }
    status {
      name
      end
    }
    submittedAt
    expectedCompletion
    decision {
      name
    }
  }
`);

export interface CaseSummaryProps extends HTMLAttributes<HTMLElement> {
  case: FragmentType<typeof CaseSummaryFragment>;
}

/** A case in a list: what it is, where it stands, and a link to follow it. */
export const CaseSummary = forwardRef<HTMLElement, CaseSummaryProps>(function CaseSummary(
  { case: caseRef, className, ...props },
  ref,
) {
  const c = getFragmentData(CaseSummaryFragment, caseRef);
  const heading = useId();
  return (
    <article
      ref={ref}
      aria-labelledby={heading}
      className={['loket-case-summary', className].filter(Boolean).join(' ')}
      {...props}
    >
      <Heading3 id={heading} className="loket-case-summary__heading">
        <RouterLink to={`/mijn/zaken/${encodeURIComponent(c.reference)}`}>
          {c.caseType.name}
        </RouterLink>
      </Heading3>
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="case.reference"
              defaultMessage="Zaaknummer"
              description="Label of a case's reference"
            />
          </dt>
          <dd className="loket-case-summary__reference">{c.reference}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="case.status"
              defaultMessage="Status"
              description="Label of a case's status"
            />
          </dt>
          <dd>{c.decision?.name ?? c.status?.name}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="case.submitted"
              defaultMessage="Aangevraagd op"
              description="Label of the day a case came in"
            />
          </dt>
          <dd>
            <DateText value={c.submittedAt} />
          </dd>
        </div>
        {!c.status?.end && (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="case.expected"
                defaultMessage="Besluit verwacht uiterlijk"
                description="Label of the date a decision is expected by"
              />
            </dt>
            <dd>
              <DateText value={c.expectedCompletion} />
            </dd>
          </div>
        )}
      </dl>
      {c.status?.end && (
        <Paragraph className="loket-case-summary__closed">
          <FormattedMessage
            id="case.closed"
            defaultMessage="Deze aanvraag is afgehandeld."
            description="A closed case"
          />
        </Paragraph>
      )}
    </article>
  );
});
