import { forwardRef, type HTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { DateText } from '../DateText';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { AppointmentStatus } from '../../gql/graphql';

export const AppointmentSummaryFragment = graphql(`
  fragment AppointmentSummary_Appointment on Appointment {
    reference
    location
    start
    end
    persons
    status
    products {
      code
      name
    }
  }
`);

export interface AppointmentSummaryProps extends HTMLAttributes<HTMLDListElement> {
  appointment: FragmentType<typeof AppointmentSummaryFragment>;
  /** The location's name, where the page knows it (otherwise its code). */
  locationName?: string | undefined;
}

/** What an appointment is: when, where, for what and for how many, and where it stands. */
export const AppointmentSummary = forwardRef<HTMLDListElement, AppointmentSummaryProps>(
  function AppointmentSummary({ appointment, locationName, className, ...props }, ref) {
    const a = getFragmentData(AppointmentSummaryFragment, appointment);
    const intl = useIntl();
    const until = intl.formatTime(a.end, { timeStyle: 'short' });
    return (
      <dl ref={ref} className={['loket-facts', className].filter(Boolean).join(' ')} {...props}>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="appointment.reference"
              defaultMessage="Kenmerk"
              description="Label of an appointment's reference"
            />
          </dt>
          <dd>{a.reference}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="appointment.when"
              defaultMessage="Wanneer"
              description="Label of an appointment's date and time"
            />
          </dt>
          <dd>
            <FormattedMessage
              id="appointment.when.value"
              defaultMessage="{start} tot {end}"
              description="An appointment's date and start time, then its end time"
              values={{ start: <DateText value={a.start} kind="datetime" />, end: until }}
            />
          </dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="appointment.where"
              defaultMessage="Waar"
              description="Label of an appointment's location"
            />
          </dt>
          <dd>{locationName ?? a.location}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="appointment.products"
              defaultMessage="Waarvoor"
              description="Label of what an appointment is for"
            />
          </dt>
          <dd lang="nl">{a.products.map((p) => p.name ?? p.code).join(', ')}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="appointment.persons"
              defaultMessage="Personen"
              description="Label of how many persons come to an appointment"
            />
          </dt>
          <dd>{a.persons}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="appointment.status"
              defaultMessage="Status"
              description="Label of where an appointment stands"
            />
          </dt>
          <dd>
            <AppointmentStatusName status={a.status} />
          </dd>
        </div>
      </dl>
    );
  },
);

/** Where an appointment stands, in words. */
export function AppointmentStatusName({ status }: { status: AppointmentStatus }) {
  switch (status) {
    case 'BOOKED':
      return (
        <FormattedMessage
          id="appointment.status.booked"
          defaultMessage="Gepland"
          description="Appointment status: booked"
        />
      );
    case 'CHECKED_IN':
      return (
        <FormattedMessage
          id="appointment.status.checkedIn"
          defaultMessage="Aangemeld"
          description="Appointment status: the resident arrived and waits"
        />
      );
    case 'CALLED':
      return (
        <FormattedMessage
          id="appointment.status.called"
          defaultMessage="Opgeroepen"
          description="Appointment status: called to a desk"
        />
      );
    case 'COMPLETED':
      return (
        <FormattedMessage
          id="appointment.status.completed"
          defaultMessage="Afgerond"
          description="Appointment status: done"
        />
      );
    case 'NO_SHOW':
      return (
        <FormattedMessage
          id="appointment.status.noShow"
          defaultMessage="Niet gekomen"
          description="Appointment status: the resident did not come"
        />
      );
    case 'CANCELLED':
      return (
        <FormattedMessage
          id="appointment.status.cancelled"
          defaultMessage="Geannuleerd"
          description="Appointment status: cancelled"
        />
      );
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
