import { RadioButton } from '@utrecht/component-library-react';
import { forwardRef, useId, type ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { ChoiceGroup, type ChoiceGroupProps } from '../ChoiceGroup';

export interface TimeSlot {
  start: string;
  end: string;
}

export interface TimeChoiceProps extends Omit<ChoiceGroupProps, 'children' | 'onChange'> {
  times: readonly TimeSlot[];
  /** The chosen start, or '' for none. */
  value: string;
  onChange: (start: string) => void;
  /** Shown instead of the times when there are none. */
  empty?: ReactNode;
}

/** The free times of a day as radio buttons, each with its start time. */
export const TimeChoice = forwardRef<HTMLFieldSetElement, TimeChoiceProps>(function TimeChoice(
  { times, value, onChange, empty, className, ...props },
  ref,
) {
  const intl = useIntl();
  const name = useId();
  return (
    <ChoiceGroup
      ref={ref}
      className={['loket-times', className].filter(Boolean).join(' ')}
      {...props}
    >
      {times.length === 0
        ? empty
        : times.map((t) => {
            const id = `${name}-${t.start}`;
            return (
              <div key={t.start} className="loket-choice">
                <RadioButton
                  id={id}
                  name={name}
                  value={t.start}
                  checked={value === t.start}
                  onChange={() => onChange(t.start)}
                />
                <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio">
                  {intl.formatTime(t.start, { timeStyle: 'short' })}
                </label>
              </div>
            );
          })}
    </ChoiceGroup>
  );
});
