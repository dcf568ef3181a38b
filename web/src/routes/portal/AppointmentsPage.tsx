import { Button, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, type CombinedError } from 'urql';

import { AppointmentSummary } from '../../components/AppointmentSummary';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError } from '../../components/FieldError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { ConflictError, fieldErrors, loketError } from '../../errors';
import { graphql } from '../../gql';
import type { MyAppointmentsQuery } from '../../gql/graphql';
import { useAppointmentSlots } from '../../hooks/useAppointmentSlots';
import { usePageQuery } from '../../hooks/usePageQuery';
import { SlotFields } from './SlotFields';

const MyAppointmentsQueryDocument = graphql(`
  query MyAppointments {
    appointmentLocations(products: []) {
      code
      name
    }
    me {
      appointments {
        id
        version
        status
        location
        persons
        start
        products {
          code
        }
        ...AppointmentSummary_Appointment
      }
    }
  }
`);

const CancelMyAppointment = graphql(`
  mutation CancelMyAppointment($input: CancelAppointmentInput!) {
    cancelAppointment(input: $input) {
      appointment {
        id
        status
        version
        cancelledAt
      }
    }
  }
`);

const RescheduleAppointment = graphql(`
  mutation RescheduleAppointment($input: RescheduleAppointmentInput!) {
    rescheduleAppointment(input: $input) {
      appointment {
        id
        version
        ...AppointmentSummary_Appointment
      }
    }
  }
`);

type Appointment = NonNullable<MyAppointmentsQuery['me']['appointments']>[number];

/** The resident's own appointments at the counter, to cancel or move. */
export function AppointmentsPage() {
  const intl = useIntl();
  const { data, reexecute } = usePageQuery({
    query: MyAppointmentsQueryDocument,
    // A list read before a booking holds no appointment for a new one to invalidate.
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const appointments = data?.me.appointments;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'appointments.title',
          defaultMessage: 'Mijn afspraken',
          description: 'Title of my appointments',
        })}
      </PageTitle>
      <Paragraph>
        <RouterLink to="/afspraak">
          <FormattedMessage
            id="appointments.new"
            defaultMessage="Nieuwe afspraak maken"
            description="Link from my appointments to book one"
          />
        </RouterLink>
      </Paragraph>
      {!appointments ? (
        <Loading />
      ) : appointments.length === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="appointments.none"
            defaultMessage="U hebt geen afspraken."
            description="My appointments is empty"
          />
        </Paragraph>
      ) : (
        <ul className="loket-appointments">
          {appointments.map((a) => (
            <li key={a.id} className="loket-appointments__item">
              <AppointmentItem
                appointment={a}
                locationName={data?.appointmentLocations.find((l) => l.code === a.location)?.name}
                onChange={refresh}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AppointmentItem({
  appointment,
  locationName,
  onChange,
}: {
  appointment: Appointment;
  locationName: string | undefined;
  onChange: () => void;
}) {
  const intl = useIntl();
  const heading = useId();
  const [moving, setMoving] = useState(false);
  const [cancelState, cancel] = useMutation(CancelMyAppointment);
  const open = appointment.status === 'BOOKED' && new Date(appointment.start) > new Date();
  const when = intl.formatDate(appointment.start, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <article aria-labelledby={heading}>
      <h2 id={heading} className="utrecht-heading-3">
        <FormattedMessage
          id="appointments.item"
          defaultMessage="Afspraak op {when}"
          description="Heading of one appointment"
          values={{ when }}
        />
      </h2>
      <AppointmentSummary appointment={appointment} locationName={locationName} />
      <StepError error={cancelState.error} />
      {open && !moving && (
        <div className="loket-actions">
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setMoving(true)}
          >
            <FormattedMessage
              id="appointments.move"
              defaultMessage="Verzetten"
              description="Button: move an appointment to another time"
            />
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={cancelState.fetching}
            onClick={() => {
              if (
                !window.confirm(
                  intl.formatMessage(
                    {
                      id: 'appointments.cancel.confirm',
                      defaultMessage: 'Wilt u de afspraak op {when} annuleren?',
                      description: 'Question before cancelling an appointment',
                    },
                    { when },
                  ),
                )
              )
                return;
              void cancel({
                input: { id: appointment.id, expectedVersion: appointment.version },
              }).then((r) => {
                if (r.data) onChange();
              });
            }}
          >
            <FormattedMessage
              id="appointments.cancel"
              defaultMessage="Annuleren"
              description="Button: cancel an appointment"
            />
          </Button>
        </div>
      )}
      {moving && (
        <MoveForm
          appointment={appointment}
          onDone={() => {
            setMoving(false);
            onChange();
          }}
          onStop={() => setMoving(false)}
        />
      )}
    </article>
  );
}

function StepError({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  return (
    <ErrorMessage
      error={loketError(error)}
      explanations={{
        CONFLICT: (
          <FormattedMessage
            id="appointments.conflict"
            defaultMessage="De afspraak is intussen gewijzigd, of de tijd is al begonnen. Laad de pagina opnieuw."
            description="The appointment changed since it was read"
          />
        ),
      }}
    />
  );
}

/** Moving an appointment: a new day and time at the same place; the old one stays until then. */
function MoveForm({
  appointment,
  onDone,
  onStop,
}: {
  appointment: Appointment;
  onDone: () => void;
  onStop: () => void;
}) {
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const [missing, setMissing] = useState(false);
  const [taken, setTaken] = useState(false);
  const [state, reschedule] = useMutation(RescheduleAppointment);
  const products = appointment.products.map((p) => p.code);
  const slots = useAppointmentSlots({
    products,
    persons: appointment.persons,
    location: appointment.location,
    day,
  });
  const errors = fieldErrors(state.error);
  const timeError = missing ? (
    <FormattedMessage
      id="appointment.error.start"
      defaultMessage="Kies een dag en een tijd."
      description="Error: no time chosen"
    />
  ) : errors.get('start') ? (
    <FieldError message={errors.get('start') ?? ''} />
  ) : undefined;
  return (
    <form
      className="loket-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(start === '');
        setTaken(false);
        if (start === '') return;
        void reschedule({
          input: { id: appointment.id, expectedVersion: appointment.version, start },
        }).then((r) => {
          if (r.data) onDone();
          else if (r.error && loketError(r.error) instanceof ConflictError) {
            setTaken(true);
            setStart('');
            slots.refresh();
          }
        });
      }}
    >
      <Paragraph>
        <FormattedMessage
          id="appointments.move.hint"
          defaultMessage="Kies een nieuwe dag en tijd. Uw afspraak blijft staan tot de nieuwe is gemaakt."
          description="Help when moving an appointment"
        />
      </Paragraph>
      {taken ? (
        <Paragraph role="alert">
          <FormattedMessage
            id="appointments.move.taken"
            defaultMessage="Dat lukte niet: de tijd is al bezet of de afspraak is gewijzigd. Uw oude afspraak blijft staan. Kies een andere tijd."
            description="Moving failed on a conflict; the old appointment stays"
          />
        </Paragraph>
      ) : (
        state.error && errors.size === 0 && <ErrorMessage error={loketError(state.error)} />
      )}
      <SlotFields
        days={slots.days}
        times={slots.times}
        day={day}
        onDay={setDay}
        start={start}
        onStart={setStart}
        error={timeError}
      />
      <div className="loket-actions">
        <Button type="submit" appearance="primary-action-button" busy={state.fetching}>
          <FormattedMessage
            id="appointments.move.submit"
            defaultMessage="Naar deze tijd verzetten"
            description="Button: move the appointment to the chosen time"
          />
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onStop}>
          <FormattedMessage
            id="appointments.move.stop"
            defaultMessage="Niet verzetten"
            description="Button: stop moving the appointment"
          />
        </Button>
      </div>
    </form>
  );
}
