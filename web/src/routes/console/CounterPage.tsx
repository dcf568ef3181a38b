import { Button, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';

import { AppointmentStatusName } from '../../components/AppointmentSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { fieldErrors } from '../../errors';
import { graphql } from '../../gql';
import type { CounterDayQuery } from '../../gql/graphql';
import { localDay } from '../../hooks/useAppointmentSlots';
import { useMe } from '../../hooks/useMe';
import { usePageQuery } from '../../hooks/usePageQuery';
import { ActionError } from './ActionError';
import { Table } from './Table';

const CounterLocationsQuery = graphql(`
  query CounterLocations {
    appointmentLocations(products: []) {
      code
      name
    }
  }
`);

const CounterDayDocument = graphql(`
  query CounterDay($filter: AppointmentFilter!) {
    appointments(filter: $filter) {
      id
      reference
      start
      name
      desk
      status
      calledDesk
      products {
        code
        name
      }
    }
  }
`);

const CheckIn = graphql(`
  mutation CounterCheckIn($input: AppointmentStepInput!) {
    checkIn(input: $input) {
      appointment {
        id
        status
        checkedInAt
        version
      }
    }
  }
`);

const Call = graphql(`
  mutation CounterCall($input: CallAppointmentInput!) {
    callAppointment(input: $input) {
      appointment {
        id
        status
        calledAt
        calledDesk
        version
      }
    }
  }
`);

const Complete = graphql(`
  mutation CounterComplete($input: AppointmentStepInput!) {
    completeAppointment(input: $input) {
      appointment {
        id
        status
        completedAt
        version
      }
    }
  }
`);

const NoShow = graphql(`
  mutation CounterNoShow($input: AppointmentStepInput!) {
    markNoShow(input: $input) {
      appointment {
        id
        status
        version
      }
    }
  }
`);

type Appointment = CounterDayQuery['appointments'][number];

/** The counter's day: a location's appointments of one day (both in the URL), in order of time. */
export function CounterPage() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const [locations] = useQuery({ query: CounterLocationsQuery });
  const places = locations.data?.appointmentLocations;
  const location = params.get('locatie') ?? places?.[0]?.code ?? '';
  const day = params.get('dag') ?? localDay();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.counter.title',
          defaultMessage: 'Afspraken aan de balie',
          description: "Title of the counter's day list",
        })}
      </PageTitle>
      <form className="loket-filters" onSubmit={(e) => e.preventDefault()}>
        <Field
          label={
            <FormattedMessage
              id="console.counter.location"
              defaultMessage="Locatie"
              description="Label of the counter's location filter"
            />
          }
        >
          {(control) => (
            <Select {...control} value={location} onChange={(e) => set('locatie', e.target.value)}>
              {(places ?? []).map((p) => (
                <SelectOption key={p.code} value={p.code}>
                  {p.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.counter.day"
              defaultMessage="Dag"
              description="Label of the counter's day filter"
            />
          }
        >
          {(control) => (
            <Textbox
              {...control}
              type="date"
              value={day}
              onChange={(e) => {
                if (e.target.value) set('dag', e.target.value);
              }}
            />
          )}
        </Field>
      </form>
      {location === '' ? <Loading /> : <DayList location={location} day={day} />}
    </>
  );
}

function DayList({ location, day }: { location: string; day: string }) {
  const { data, reexecute } = usePageQuery({
    query: CounterDayDocument,
    variables: { filter: { location, day } },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const appointments = data?.appointments;
  if (!appointments) return <Loading />;
  if (appointments.length === 0) {
    return (
      <Paragraph>
        <FormattedMessage
          id="console.counter.none"
          defaultMessage="Er zijn op deze dag geen afspraken op deze locatie."
          description="The counter's day list is empty"
        />
      </Paragraph>
    );
  }
  return (
    <Table
      caption={
        <FormattedMessage
          id="console.counter.caption"
          defaultMessage="Afspraken op deze dag"
          description="Caption of the counter's day list"
        />
      }
      columns={[
        <FormattedMessage
          key="time"
          id="console.counter.col.time"
          defaultMessage="Tijd"
          description="Column: start time"
        />,
        <FormattedMessage
          key="name"
          id="console.counter.col.name"
          defaultMessage="Naam"
          description="Column: the name to call out"
        />,
        <FormattedMessage
          key="products"
          id="console.counter.col.products"
          defaultMessage="Waarvoor"
          description="Column: the products"
        />,
        <FormattedMessage
          key="status"
          id="console.counter.col.status"
          defaultMessage="Status"
          description="Column: where the appointment stands"
        />,
        <FormattedMessage
          key="actions"
          id="console.counter.col.actions"
          defaultMessage="Doen"
          description="Column: what the counter can do"
        />,
      ]}
    >
      {appointments.map((a) => (
        <CounterRow key={a.id} appointment={a} onChange={refresh} />
      ))}
    </Table>
  );
}

function CounterRow({
  appointment: a,
  onChange,
}: {
  appointment: Appointment;
  onChange: () => void;
}) {
  const intl = useIntl();
  const { can } = useMe();
  const may = can('appointment/counter', 'UPDATE');
  const [desk, setDesk] = useState(a.calledDesk ?? a.desk);
  const [checkInState, checkIn] = useMutation(CheckIn);
  const [callState, call] = useMutation(Call);
  const [completeState, complete] = useMutation(Complete);
  const [noShowState, noShow] = useMutation(NoShow);
  const done = (r: { data?: unknown }) => {
    if (r.data) onChange();
  };
  const input = { id: a.id };
  const deskError = fieldErrors(callState.error).get('desk');
  return (
    <tr className="utrecht-table__row">
      <td className="utrecht-table__cell">{intl.formatTime(a.start, { timeStyle: 'short' })}</td>
      <th className="utrecht-table__header-cell" scope="row">
        {a.name}
        <br />
        <span>{a.reference}</span>
      </th>
      <td className="utrecht-table__cell" lang="nl">
        {a.products.map((p) => p.name ?? p.code).join(', ')}
      </td>
      <td className="utrecht-table__cell">
        <AppointmentStatusName status={a.status} />
        {a.status === 'CALLED' && a.calledDesk && (
          <>
            <br />
            <FormattedMessage
              id="console.counter.calledTo"
              defaultMessage="naar {desk}"
              description="The desk a resident was called to"
              values={{ desk: a.calledDesk }}
            />
          </>
        )}
      </td>
      <td className="utrecht-table__cell">
        {may && (
          <div className="loket-actions">
            <ActionError error={checkInState.error ?? completeState.error ?? noShowState.error} />
            <ActionError error={callState.error} />
            {a.status === 'BOOKED' && (
              <>
                <Button
                  type="button"
                  appearance="primary-action-button"
                  busy={checkInState.fetching}
                  onClick={() => void checkIn({ input }).then(done)}
                >
                  <FormattedMessage
                    id="console.counter.checkIn"
                    defaultMessage="Aanmelden {name}"
                    description="Button: record that the resident arrived"
                    values={{ name: a.name }}
                  />
                </Button>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  busy={noShowState.fetching}
                  onClick={() => void noShow({ input }).then(done)}
                >
                  <FormattedMessage
                    id="console.counter.noShow"
                    defaultMessage="Niet gekomen: {name}"
                    description="Button: record that the resident did not come"
                    values={{ name: a.name }}
                  />
                </Button>
              </>
            )}
            {a.status === 'CHECKED_IN' && (
              <form
                className="loket-actions"
                onSubmit={(e) => {
                  e.preventDefault();
                  void call({ input: { id: a.id, desk: desk.trim() } }).then(done);
                }}
              >
                <Field
                  label={
                    <FormattedMessage
                      id="console.counter.desk"
                      defaultMessage="Balie voor {name}"
                      description="Label of the desk to call a resident to"
                      values={{ name: a.name }}
                    />
                  }
                  error={deskError}
                >
                  {(control) => (
                    <Textbox
                      {...control}
                      name="desk"
                      autoComplete="off"
                      maxLength={60}
                      value={desk}
                      onChange={(e) => setDesk(e.target.value)}
                    />
                  )}
                </Field>
                <Button type="submit" appearance="primary-action-button" busy={callState.fetching}>
                  <FormattedMessage
                    id="console.counter.call"
                    defaultMessage="Oproepen {name}"
                    description="Button: call the resident to the desk"
                    values={{ name: a.name }}
                  />
                </Button>
              </form>
            )}
            {a.status === 'CALLED' && (
              <Button
                type="button"
                appearance="primary-action-button"
                busy={completeState.fetching}
                onClick={() => void complete({ input }).then(done)}
              >
                <FormattedMessage
                  id="console.counter.complete"
                  defaultMessage="Afronden {name}"
                  description="Button: the appointment is done"
                  values={{ name: a.name }}
                />
              </Button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
