// The day and time of an appointment, as booking and moving one both ask them.
import { Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { TimeChoice, type TimeSlot } from '../../components/TimeChoice';

export interface SlotFieldsProps {
  days: readonly string[] | undefined;
  times: readonly TimeSlot[] | undefined;
  day: string;
  onDay: (day: string) => void;
  start: string;
  onStart: (start: string) => void;
  /** What is wrong with the chosen time. */
  error?: ReactNode;
}

/** A select of the days with room, then the free times of the chosen day. */
export function SlotFields({ days, times, day, onDay, start, onStart, error }: SlotFieldsProps) {
  const intl = useIntl();
  if (!days) return <Loading />;
  if (days.length === 0) {
    return (
      <Paragraph>
        <FormattedMessage
          id="appointment.noDays"
          defaultMessage="Er is de komende weken geen tijd vrij op deze plek. Kies een andere plek of minder producten."
          description="No day with a free time"
        />
      </Paragraph>
    );
  }
  return (
    <>
      <Field
        label={
          <FormattedMessage
            id="appointment.day"
            defaultMessage="Dag"
            description="Label of the day of an appointment"
          />
        }
      >
        {(control) => (
          <Select
            {...control}
            name="day"
            value={day}
            onChange={(e) => {
              onDay(e.target.value);
              onStart('');
            }}
          >
            <SelectOption value="">
              {intl.formatMessage({
                id: 'appointment.day.choose',
                defaultMessage: 'Kies een dag',
                description: 'First option of the day select',
              })}
            </SelectOption>
            {days.map((d) => (
              <SelectOption key={d} value={d}>
                {intl.formatDate(`${d}T12:00:00Z`, {
                  weekday: 'long',
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                })}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      {day !== '' &&
        (times ? (
          <TimeChoice
            legend={intl.formatMessage({
              id: 'appointment.time',
              defaultMessage: 'Tijd',
              description: 'Legend of the free times of a day',
            })}
            times={times}
            value={start}
            onChange={onStart}
            error={error}
            empty={
              <Paragraph>
                <FormattedMessage
                  id="appointment.noTimes"
                  defaultMessage="Op deze dag is geen tijd meer vrij. Kies een andere dag."
                  description="No free time left on the chosen day"
                />
              </Paragraph>
            }
          />
        ) : (
          <Loading />
        ))}
    </>
  );
}
