import { forwardRef, type OlHTMLAttributes, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

import { SPACE } from '../../format';

export const STEP_STATUSES = ['checked', 'current', 'not-checked'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface ProcessStep {
  id: string;
  title: ReactNode;
  status: StepStatus;
  /** When the step was reached, or is expected. */
  date?: ReactNode;
  /** A short line under the title, for example how long the step has lasted. */
  meta?: ReactNode;
  /** What the step means. */
  description?: ReactNode;
}

export interface ProcessStepsProps extends OlHTMLAttributes<HTMLOListElement> {
  steps: readonly ProcessStep[];
}

function StatusText({ status }: { status: StepStatus }) {
  switch (status) {
    case 'checked':
      return (
        <FormattedMessage
          id="steps.checked"
          defaultMessage="Klaar:"
          description="Screen-reader prefix of a finished step"
        />
      );
    case 'current':
      return (
        <FormattedMessage
          id="steps.current"
          defaultMessage="Nu:"
          description="Screen-reader prefix of the current step"
        />
      );
    case 'not-checked':
      return (
        <FormattedMessage
          id="steps.next"
          defaultMessage="Nog te doen:"
          description="Screen-reader prefix of a step still to come"
        />
      );
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

function Marker({ status, number }: { status: StepStatus; number: number }) {
  return (
    <span className={`loket-step-marker loket-step-marker--${status}`} aria-hidden="true">
      {status === 'checked' ? (
        <svg className="loket-step-marker__icon" viewBox="0 0 16 16" focusable="false">
          <path d="M6.2 11.6 2.9 8.3l1.1-1.1 2.2 2.2 5.8-5.8 1.1 1.1z" />
        </svg>
      ) : (
        number
      )}
    </span>
  );
}

/**
 * Steps of a process, done, current and to come, like a parcel's tracking page. Modelled on
 * Den Haag's process steps of the NL Design System: an ordered list with a marker per step,
 * the current step marked with `aria-current="step"`, and each step's state in words for
 * screen readers.
 */
export const ProcessSteps = forwardRef<HTMLOListElement, ProcessStepsProps>(function ProcessSteps(
  { steps, className, ...props },
  ref,
) {
  return (
    <ol
      ref={ref}
      className={['loket-process-steps', className].filter(Boolean).join(' ')}
      {...props}
    >
      {steps.map((step, index) => (
        <li
          key={step.id}
          className={`loket-process-steps__step loket-process-steps__step--${step.status}`}
          aria-current={step.status === 'current' ? 'step' : undefined}
        >
          <Marker status={step.status} number={index + 1} />
          <div className="loket-process-steps__content">
            <p className="loket-process-steps__heading">
              <span className="loket-visually-hidden">
                <StatusText status={step.status} />
                {SPACE}
              </span>
              {step.title}
            </p>
            {step.date && <p className="loket-process-steps__date">{step.date}</p>}
            {step.meta && <p className="loket-process-steps__meta">{step.meta}</p>}
            {step.description && (
              <p className="loket-process-steps__description">{step.description}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
});
