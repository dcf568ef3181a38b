import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';

import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { OutcomeEffect } from '../../gql/graphql';
import { DateText } from '../DateText';

export const CaseDecisionFragment = graphql(`
  fragment CaseDecision_Decision on Decision {
    name
    effect
    explanation
    decidedAt
  }
`);

export interface CaseDecisionProps extends HTMLAttributes<HTMLElement> {
  decision: FragmentType<typeof CaseDecisionFragment>;
}

function alertType(effect: OutcomeEffect): 'ok' | 'warning' | 'info' {
  switch (effect) {
    case 'POSITIVE':
      return 'ok';
    case 'NEGATIVE':
      return 'warning';
    case 'NEUTRAL':
      return 'info';
    default: {
      const unreachable: never = effect;
      return unreachable;
    }
  }
}

/** The decision on a case: the outcome, when, and why. */
export const CaseDecision = forwardRef<HTMLElement, CaseDecisionProps>(function CaseDecision(
  { decision, className, ...props },
  ref,
) {
  const d = getFragmentData(CaseDecisionFragment, decision);
  const heading = useId();
  return (
    <section
      ref={ref}
      aria-labelledby={heading}
      className={[
        'utrecht-alert',
        `utrecht-alert--${alertType(d.effect)}`,
        'loket-decision',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading2 id={heading}>
            <FormattedMessage
              id="decision.heading"
              defaultMessage="Besluit: {outcome}"
              description="Heading of a case's decision"
              values={{ outcome: d.name }}
            />
          </Heading2>
          <Paragraph>
            <FormattedMessage
              id="decision.date"
              defaultMessage="Genomen op {date}."
              description="When the decision was taken"
              values={{ date: <DateText value={d.decidedAt} /> }}
            />
          </Paragraph>
          <Paragraph>{d.explanation}</Paragraph>
        </div>
      </div>
    </section>
  );
});
