import {
  Button,
  Fieldset,
  FieldsetLegend,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';

import { DateText } from '../../components/DateText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { fieldErrors, loketError } from '../../errors';
import { formatAddress } from '../../format';
import { graphql } from '../../gql';
import { Label } from './labels';
import { residentPath } from './residentPath';
import { Table } from './Table';

const SearchPersonsQuery = graphql(`
  query SearchPersons(
    $surname: String
    $birthDate: NaiveDate
    $postcode: String
    $houseNumber: Int
  ) {
    searchPersons(
      surname: $surname
      birthDate: $birthDate
      postcode: $postcode
      houseNumber: $houseNumber
      first: 25
    ) {
      nodes {
        bsn
        name {
          fullName
        }
        birth {
          date
        }
        address {
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
      }
    }
  }
`);

interface Search {
  surname?: string;
  birthDate?: string;
  postcode?: string;
  houseNumber?: number;
}

/** The form's values as the search asks them: by name and birth date, or by address. */
function searchFrom(form: FormData): Search | null {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const surname = text('surname');
  const birthDate = text('birthDate');
  const postcode = text('postcode').replace(/\s+/g, '').toUpperCase();
  const houseNumber = Number.parseInt(text('houseNumber'), 10);
  if (surname || birthDate) return { surname, birthDate: birthDate || undefined };
  if (postcode || Number.isFinite(houseNumber)) {
    return { postcode, houseNumber: Number.isFinite(houseNumber) ? houseNumber : undefined };
  }
  return null;
}

/**
 * The contact centre's start: find the resident on the line or at the counter by citizen
 * service number, by surname and birth date, or by postcode and house number.
 */
export function FindResidentPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [search, setSearch] = useState<Search | null>(null);
  const [result] = useQuery({
    query: SearchPersonsQuery,
    variables: search ?? {},
    pause: !search,
  });
  const errors = fieldErrors(result.error);
  const persons = search ? result.data?.searchPersons.nodes : undefined;

  const onBsn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const bsn = String(new FormData(event.currentTarget).get('bsn') ?? '').replace(/\D/g, '');
    if (bsn) void navigate(residentPath(), { state: { bsn } });
  };
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(searchFrom(new FormData(event.currentTarget)));
  };

  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.find.title',
          defaultMessage: 'Inwoner zoeken',
          description: 'Title of the resident search',
        })}
      </PageTitle>
      <form
        className="loket-form loket-find"
        aria-label={intl.formatMessage({
          id: 'console.find.byBsn',
          defaultMessage: 'Zoeken op burgerservicenummer',
          description: 'Accessible name of the BSN search form',
        })}
        onSubmit={onBsn}
      >
        <Field label={<Label name="bsn" />}>
          {(control) => (
            <Textbox
              {...control}
              name="bsn"
              inputMode="numeric"
              autoComplete="off"
              maxLength={11}
            />
          )}
        </Field>
        <Button type="submit" appearance="primary-action-button">
          <FormattedMessage
            id="console.find.open"
            defaultMessage="Openen"
            description="Button: open the resident with this BSN"
          />
        </Button>
      </form>
      <form
        className="loket-form loket-find"
        aria-label={intl.formatMessage({
          id: 'console.find.byDetails',
          defaultMessage: 'Zoeken op naam of adres',
          description: 'Accessible name of the search by name or address',
        })}
        onSubmit={onSearch}
      >
        <Fieldset>
          <FieldsetLegend>
            <FormattedMessage
              id="console.find.byName"
              defaultMessage="Achternaam en geboortedatum"
              description="Legend: search by surname and birth date"
            />
          </FieldsetLegend>
          <Field
            label={
              <FormattedMessage
                id="console.find.surname"
                defaultMessage="Achternaam"
                description="Label"
              />
            }
            error={errors.get('surname')}
          >
            {(control) => (
              <Textbox {...control} name="surname" autoComplete="off" maxLength={100} />
            )}
          </Field>
          <Field label={<Label name="birthDate" />} error={errors.get('birthDate')}>
            {(control) => <Textbox {...control} name="birthDate" type="date" />}
          </Field>
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>
            <FormattedMessage
              id="console.find.byAddress"
              defaultMessage="Of: postcode en huisnummer"
              description="Legend: search by postcode and house number"
            />
          </FieldsetLegend>
          <Field
            label={
              <FormattedMessage
                id="console.find.postcode"
                defaultMessage="Postcode"
                description="Label"
              />
            }
            error={errors.get('postcode')}
          >
            {(control) => <Textbox {...control} name="postcode" autoComplete="off" maxLength={7} />}
          </Field>
          <Field
            label={
              <FormattedMessage
                id="console.find.houseNumber"
                defaultMessage="Huisnummer"
                description="Label"
              />
            }
            error={errors.get('houseNumber')}
          >
            {(control) => (
              <Textbox
                {...control}
                name="houseNumber"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
              />
            )}
          </Field>
        </Fieldset>
        <Button type="submit" appearance="primary-action-button">
          <FormattedMessage
            id="console.find.search"
            defaultMessage="Zoeken"
            description="Button: search residents"
          />
        </Button>
      </form>
      {result.error && errors.size === 0 && <ErrorMessage error={loketError(result.error)} />}
      {search && result.fetching && <Loading />}
      <div role="status" className="loket-find__count">
        {persons &&
          intl.formatMessage(
            {
              id: 'console.find.count',
              defaultMessage:
                '{count, plural, =0 {Geen inwoner gevonden.} one {1 inwoner gevonden} other {# inwoners gevonden}}',
              description: 'How many residents the search found',
            },
            { count: persons.length },
          )}
      </div>
      {persons && persons.length > 0 && (
        <Table
          caption={
            <FormattedMessage
              id="console.find.results"
              defaultMessage="Gevonden inwoners"
              description="Caption of the search results"
            />
          }
          columns={[
            <FormattedMessage id="console.find.name" defaultMessage="Naam" description="Column" />,
            <FormattedMessage
              id="console.find.born"
              defaultMessage="Geboren"
              description="Column"
            />,
            <Label name="address" />,
          ]}
        >
          {persons.map((person) => (
            <tr key={person.bsn} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <button
                  type="button"
                  className="utrecht-link-button utrecht-link-button--html-button"
                  onClick={() => void navigate(residentPath(), { state: { bsn: person.bsn } })}
                >
                  {person.name?.fullName ?? person.bsn}
                </button>
              </td>
              <td className="utrecht-table__cell">
                {person.birth && <DateText value={person.birth.date} />}
              </td>
              <td className="utrecht-table__cell">
                {person.address && formatAddress(person.address)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {!search && (
        <Paragraph className="loket-hint">
          <FormattedMessage
            id="console.find.hint"
            defaultMessage="Het burgerservicenummer staat niet in de adresbalk en niet in de geschiedenis van de browser."
            description="Hint: the BSN is kept out of URLs"
          />
        </Paragraph>
      )}
    </>
  );
}
