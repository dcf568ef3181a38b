import { forwardRef, type HTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { CaseProgress_CaseFragment } from '../../gql/graphql';
import { DateText } from '../DateText';
import { ProcessSteps, type ProcessStep } from '../ProcessSteps';

export const CaseProgressFragment = graphql(`
  fragment CaseProgress_Case on Case {
    status {
      code
      name
      explanation
      since
      daysInStep
      end
    }
    timeline {
      code
      name
      at
      explanation
    }
    expectedCompletion
    caseType {
      statuses {
        code
        name
        explanation
        end
        next
      }
    }
  }
`);

type StatusType = CaseProgress_CaseFragment['caseType']['statuses'][number];

/** A status whose only way on leads back to an earlier one (waiting for information). */
function isSideStep(statuses: readonly StatusType[], status: StatusType): boolean {
  const at = statuses.indexOf(status);
  return (
    status.next.length > 0 &&
    status.next.every((code) => statuses.findIndex((s) => s.code === code) < at)
  );
}

/** The steps still to come after `current`: the main path, ending at the decision. */
export function stepsAhead(statuses: readonly StatusType[], current: string): StatusType[] {
  const at = statuses.findIndex((s) => s.code === current);
  const later = statuses.slice(at + 1);
  const ahead = later.filter((s) => !s.end && !isSideStep(statuses, s));
  const end = later.find((s) => s.end) ?? statuses.find((s) => s.end);
  return end && !ahead.includes(end) && end.code !== current ? [...ahead, end] : ahead;
}

export interface CaseProgressProps extends HTMLAttributes<HTMLOListElement> {
  case: FragmentType<typeof CaseProgressFragment>;
}

/**
 * Where a case stands, as the resident follows it: the steps taken with their dates and
 * explanations, the current step with how many days it has lasted, and the steps to come
 * with the date the decision is expected by (a step's explanation says what happened, so it
 * is shown once the step is reached).
 */
export const CaseProgress = forwardRef<HTMLOListElement, CaseProgressProps>(function CaseProgress(
  { case: caseRef, ...props },
  ref,
) {
  const intl = useIntl();
  const progress = getFragmentData(CaseProgressFragment, caseRef);
  const statuses = progress.caseType.statuses;
  const timeline = progress.timeline ?? [];
  const status = progress.status;
  const past = status ? timeline.slice(0, -1) : timeline;
  const steps: ProcessStep[] = past.map((entry, index) => ({
    id: `done-${index}-${entry.code}`,
    title: entry.name,
    status: 'checked',
    date: <DateText value={entry.at} kind="datetime" />,
    description: entry.explanation ?? statuses.find((s) => s.code === entry.code)?.explanation,
  }));
  if (status) {
    const explanation = timeline.at(-1)?.explanation ?? status.explanation;
    steps.push({
      id: `now-${status.code}`,
      title: status.name,
      status: status.end ? 'checked' : 'current',
      date: <DateText value={status.since} kind="datetime" />,
      meta: status.end
        ? undefined
        : intl.formatMessage(
            {
              id: 'progress.days',
              defaultMessage:
                '{days, plural, =0 {Sinds vandaag in deze stap} one {Al # dag in deze stap} other {Al # dagen in deze stap}}',
              description: 'How long the case has been in its current step',
            },
            { days: status.daysInStep },
          ),
      description: explanation,
    });
    if (!status.end) {
      for (const next of stepsAhead(statuses, status.code)) {
        steps.push({
          id: `next-${next.code}`,
          title: next.name,
          status: 'not-checked',
          date: next.end ? (
            <FormattedMessage
              id="progress.expected"
              defaultMessage="Verwacht uiterlijk {date}"
              description="The date a decision is expected by"
              values={{ date: <DateText value={progress.expectedCompletion} /> }}
            />
          ) : undefined,
        });
      }
    }
  }
  return (
    <ProcessSteps
      ref={ref}
      steps={steps}
      aria-label={intl.formatMessage({
        id: 'progress.label',
        defaultMessage: 'Stappen van uw aanvraag',
        description: 'Accessible name of the list of status steps',
      })}
      {...props}
    />
  );
});
