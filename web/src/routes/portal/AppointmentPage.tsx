import { Button, Paragraph, RadioButton, Textbox } from '@utrecht/component-library-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';

import { AppointmentSummary } from '../../components/AppointmentSummary';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProductChecks } from '../../components/ProductChecks';
import { RouterLink } from '../../components/RouterLink';
import { ConflictError, fieldErrors, loketError } from '../../errors';
import { graphql } from '../../gql';
import type { BookAppointmentMutation } from '../../gql/graphql';
import { useAppointmentSlots } from '../../hooks/useAppointmentSlots';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { usePageQuery } from '../../hooks/usePageQuery';
import { SlotFields } from './SlotFields';

const AppointmentFormQuery = graphql(`
  query AppointmentForm {
    products(first: 100) {
      nodes {
        code
        name
        channels
      }
    }
  }
`);

const AppointmentLocationsQuery = graphql(`
  query AppointmentLocations($products: [String!]!) {
    appointmentLocations(products: $products) {
      code
      name
      address
    }
  }
`);

const BookAppointment = graphql(`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      cancellationCode
      appointment {
        id
        reference
        email
        phone
        ...AppointmentSummary_Appointment
      }
    }
  }
`);

/** Making an appointment at the counter: what for, how many, where, which day and time. */
export function AppointmentPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const { data } = usePageQuery({ query: AppointmentFormQuery });
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(params.getAll('product')),
  );
  const [personsText, setPersonsText] = useState('1');
  const typed = Number.parseInt(personsText, 10);
  // How many may come is the municipality's to say: Loket refuses too many at `persons`.
  const persons = Number.isFinite(typed) && typed >= 1 ? typed : 1;
  const [location, setLocation] = useState('');
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<CombinedError | null>(null);
  const [taken, setTaken] = useState(false);
  const [done, setDone] = useState<BookAppointmentMutation['bookAppointment'] | null>(null);
  const busy = useRef(false);
  const [state, book] = useMutation(BookAppointment);

  const products = useMemo(() => [...selected].sort(), [selected]);
  const [locations] = useQuery({
    query: AppointmentLocationsQuery,
    variables: { products },
    pause: products.length === 0,
  });
  const offeredLocations = products.length === 0 ? [] : locations.data?.appointmentLocations;
  const place =
    offeredLocations?.find((l) => l.code === location) ??
    (offeredLocations?.length === 1 ? offeredLocations[0] : undefined);
  const where = place?.code ?? '';
  const slots = useAppointmentSlots({ products, persons, location: where, day });
  const key = useIdempotencyKey(
    JSON.stringify([products, persons, where, start, name.trim(), email.trim(), phone.trim()]),
  );

  if (!data) return <Loading />;
  const offered = data.products.nodes.filter((p) => p.channels.includes('COUNTER_BY_APPOINTMENT'));

  if (done) {
    return (
      <>
        <PageTitle>
          {intl.formatMessage({
            id: 'appointment.done.title',
            defaultMessage: 'Uw afspraak is gemaakt',
            description: 'Title of the confirmation after booking an appointment',
          })}
        </PageTitle>
        <Paragraph>
          <FormattedMessage
            id="appointment.done.reference"
            defaultMessage="Uw kenmerk is {reference}. Neem dit mee naar de afspraak."
            description="The booked appointment's reference"
            values={{ reference: <strong>{done.appointment.reference}</strong> }}
          />
        </Paragraph>
        <AppointmentSummary appointment={done.appointment} locationName={place?.name} />
        <Paragraph>
          {done.appointment.email || done.appointment.phone ? (
            <FormattedMessage
              id="appointment.done.sent"
              defaultMessage="We sturen u een bevestiging naar {address}. Daarin staat ook hoe u de afspraak kunt annuleren."
              description="A confirmation is sent to the address given"
              values={{ address: done.appointment.email ?? done.appointment.phone }}
            />
          ) : (
            <FormattedMessage
              id="appointment.done.noAddress"
              defaultMessage="U hebt geen e-mailadres of telefoonnummer opgegeven. U vindt de afspraak bij Mijn afspraken."
              description="No address was given for a confirmation"
            />
          )}
        </Paragraph>
        <Paragraph>
          <RouterLink to="/mijn/afspraken">
            <FormattedMessage
              id="appointment.done.mine"
              defaultMessage="Naar mijn afspraken"
              description="Link to my appointments from the confirmation"
            />
          </RouterLink>
        </Paragraph>
      </>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const local = new Map<string, string>();
    if (!(Number.isFinite(typed) && typed >= 1)) local.set('persons', 'client');
    if (products.length === 0) local.set('products', 'client');
    else if (where === '') local.set('location', 'client');
    else if (start === '') local.set('start', 'client');
    if (name.trim() === '') local.set('name', 'client');
    setProblems(local);
    setError(null);
    setTaken(false);
    if (local.size > 0) return;
    busy.current = true;
    const result = await book({
      input: {
        products,
        persons,
        location: where,
        start,
        name: name.trim(),
        email: email.trim() || null,
        phone: phone.trim() || null,
        idempotencyKey: key,
      },
    });
    busy.current = false;
    if (result.data) {
      setDone(result.data.bookAppointment);
      return;
    }
    if (!result.error) return;
    if (loketError(result.error) instanceof ConflictError) {
      // Someone else took the time: ask again which times are free; the rest stays.
      setTaken(true);
      setStart('');
      slots.refresh();
      return;
    }
    setProblems(fieldErrors(result.error));
    setError(result.error);
  }

  const problem = (field: string) => {
    const message = problems.get(field);
    if (!message) return undefined;
    if (message !== 'client') return <FieldError message={message} />;
    switch (field) {
      case 'products':
        return (
          <FormattedMessage
            id="appointment.error.products"
            defaultMessage="Kies ten minste één product."
            description="Error: no product chosen for an appointment"
          />
        );
      case 'location':
        return (
          <FormattedMessage
            id="appointment.error.location"
            defaultMessage="Kies een plek."
            description="Error: no location chosen"
          />
        );
      case 'persons':
        return (
          <FormattedMessage
            id="appointment.error.persons"
            defaultMessage="Vul in met hoeveel personen u komt, 1 of meer."
            description="Error: the number of persons is not a number of 1 or more"
          />
        );
      case 'start':
        return (
          <FormattedMessage
            id="appointment.error.start"
            defaultMessage="Kies een dag en een tijd."
            description="Error: no time chosen"
          />
        );
      default:
        return (
          <FormattedMessage
            id="appointment.error.name"
            defaultMessage="Vul uw naam in. Die roepen we op bij de balie."
            description="Error: no name given"
          />
        );
    }
  };
  const generalError = error && fieldErrors(error).size === 0 ? loketError(error) : null;
  // Asking for days with too many persons (or products) is refused at that field.
  const slotsMessage = fieldErrors(slots.daysError).get('persons');
  const slotsProblem = slotsMessage ? <FieldError message={slotsMessage} /> : undefined;

  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'appointment.title',
          defaultMessage: 'Afspraak maken',
          description: 'Title of the page to book an appointment',
        })}
      </PageTitle>
      <form className="loket-form" noValidate onSubmit={(e) => void submit(e)}>
        {generalError && <ErrorMessage error={generalError} />}
        <ChoiceGroup
          legend={intl.formatMessage({
            id: 'appointment.products.legend',
            defaultMessage: 'Waarvoor komt u?',
            description: 'Legend of the products of an appointment',
          })}
          description={intl.formatMessage({
            id: 'appointment.products.hint',
            defaultMessage: 'U kunt meer dan één product kiezen.',
            description: 'Help under the products of an appointment',
          })}
          error={problem('products')}
        >
          <ProductChecks
            products={offered}
            selected={selected}
            idPrefix="appointment-product"
            onChange={(next) => {
              setSelected(next);
              setDay('');
              setStart('');
            }}
          />
        </ChoiceGroup>

        <Field
          label={
            <FormattedMessage
              id="appointment.persons.legend"
              defaultMessage="Met hoeveel personen komt u?"
              description="Label of the number of persons"
            />
          }
          description={
            <FormattedMessage
              id="appointment.persons.hint"
              defaultMessage="Komt u samen met bijvoorbeeld uw kinderen voor een paspoort? Tel hen mee."
              description="Help under the number of persons"
            />
          }
          error={problem('persons') ?? slotsProblem}
        >
          {(control) => (
            <Textbox
              {...control}
              name="persons"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              value={personsText}
              onChange={(e) => {
                setPersonsText(e.target.value);
                setDay('');
                setStart('');
              }}
            />
          )}
        </Field>

        {products.length > 0 &&
          (!offeredLocations ? (
            <Loading />
          ) : offeredLocations.length === 0 ? (
            <Paragraph>
              <FormattedMessage
                id="appointment.noLocation"
                defaultMessage="Voor deze producten samen kunt u geen afspraak maken. Maak voor elk een eigen afspraak."
                description="No location offers the chosen products together"
              />
            </Paragraph>
          ) : (
            <ChoiceGroup
              legend={intl.formatMessage({
                id: 'appointment.location.legend',
                defaultMessage: 'Waar wilt u komen?',
                description: 'Legend of the locations',
              })}
              error={problem('location')}
            >
              {offeredLocations.map((l) => (
                <div key={l.code} className="loket-choice">
                  <RadioButton
                    id={`appointment-location-${l.code}`}
                    name="location"
                    value={l.code}
                    checked={where === l.code}
                    onChange={() => {
                      setLocation(l.code);
                      setDay('');
                      setStart('');
                    }}
                  />
                  <label
                    htmlFor={`appointment-location-${l.code}`}
                    className="utrecht-form-label utrecht-form-label--radio"
                  >
                    {[l.name, l.address].join(', ')}
                  </label>
                </div>
              ))}
            </ChoiceGroup>
          ))}

        {where !== '' && !slots.daysError && (
          <>
            {taken && (
              <Paragraph role="alert">
                <FormattedMessage
                  id="appointment.taken"
                  defaultMessage="Iemand anders heeft deze tijd net gekozen. Kies een andere tijd; wat u hebt ingevuld blijft staan."
                  description="The chosen time was taken meanwhile; fresh times are shown"
                />
              </Paragraph>
            )}
            <SlotFields
              days={slots.days}
              times={slots.times}
              day={day}
              onDay={setDay}
              start={start}
              onStart={setStart}
              error={problem('start')}
            />
          </>
        )}

        <Field
          label={
            <FormattedMessage
              id="appointment.name"
              defaultMessage="Uw naam"
              description="Label of the name to call out at the counter"
            />
          }
          description={
            <FormattedMessage
              id="appointment.name.hint"
              defaultMessage="Deze naam roepen we op bij de balie."
              description="Help under the name"
            />
          }
          error={problem('name')}
        >
          {(control) => (
            <Textbox
              {...control}
              name="name"
              autoComplete="name"
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="appointment.email"
              defaultMessage="E-mailadres (voor de bevestiging)"
              description="Label of the e-mail address for the confirmation"
            />
          }
          error={problem('email')}
        >
          {(control) => (
            <Textbox
              {...control}
              name="email"
              type="email"
              autoComplete="email"
              maxLength={200}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="appointment.phone"
              defaultMessage="Mobiel nummer (voor een sms, niet verplicht)"
              description="Label of the mobile number for text messages"
            />
          }
          error={problem('phone')}
        >
          {(control) => (
            <Textbox
              {...control}
              name="phone"
              type="tel"
              autoComplete="tel"
              maxLength={40}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={state.fetching}>
          <FormattedMessage
            id="appointment.submit"
            defaultMessage="Afspraak maken"
            description="Button: book the appointment"
          />
        </Button>
      </form>
    </>
  );
}
