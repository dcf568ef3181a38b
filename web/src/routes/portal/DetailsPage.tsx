import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SPACE, formatAddress } from '../../format';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';

const DetailsQuery = graphql(`
  query MyDetails {
    me {
      person {
        bsn
        name {
          fullName
        }
        birth {
          date
          place
        }
        address {
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
        travelDocuments {
          kind
          number
          expiresOn
        }
      }
    }
  }
`);

function DocumentKind({ kind }: { kind: string }) {
  switch (kind) {
    case 'passport':
      return (
        <FormattedMessage
          id="details.passport"
          defaultMessage="Paspoort"
          description="Travel document kind"
        />
      );
    case 'id-card':
      return (
        <FormattedMessage
          id="details.idCard"
          defaultMessage="Identiteitskaart"
          description="Travel document kind"
        />
      );
    case 'driving-licence':
      return (
        <FormattedMessage
          id="details.drivingLicence"
          defaultMessage="Rijbewijs"
          description="Travel document kind"
        />
      );
    default:
      return <span>{kind}</span>;
  }
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="loket-facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the municipality has registered about the resident (`me.person`). */
export function DetailsPage() {
  const intl = useIntl();
  const { data } = usePageQuery({ query: DetailsQuery });
  const person = data?.me.person;
  const missing = (
    <FormattedMessage
      id="details.missing"
      defaultMessage="Niet beschikbaar"
      description="A detail that cannot be shown"
    />
  );
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'details.title',
          defaultMessage: 'Mijn gegevens',
          description: 'Title of my details',
        })}
      </PageTitle>
      {!data ? (
        <Loading />
      ) : !person ? (
        <Paragraph>{missing}</Paragraph>
      ) : (
        <>
          <Paragraph>
            <FormattedMessage
              id="details.lead"
              defaultMessage="Zo staat u ingeschreven bij de gemeente. Klopt er iets niet? Neem dan contact met ons op."
              description="Introduction on my details"
            />
          </Paragraph>
          <dl className="loket-facts">
            <Fact
              label={
                <FormattedMessage id="details.name" defaultMessage="Naam" description="Label" />
              }
            >
              {person.name?.fullName ?? missing}
            </Fact>
            <Fact
              label={
                <FormattedMessage
                  id="details.bsn"
                  defaultMessage="Burgerservicenummer"
                  description="Label"
                />
              }
            >
              {person.bsn}
            </Fact>
            <Fact
              label={
                <FormattedMessage id="details.birth" defaultMessage="Geboren" description="Label" />
              }
            >
              {person.birth ? (
                <FormattedMessage
                  id="details.birthValue"
                  defaultMessage="{date} in {place}"
                  description="Date and place of birth"
                  values={{
                    date: <DateText value={person.birth.date} />,
                    place: person.birth.place,
                  }}
                />
              ) : (
                missing
              )}
            </Fact>
            <Fact
              label={
                <FormattedMessage id="details.address" defaultMessage="Adres" description="Label" />
              }
            >
              {person.address ? formatAddress(person.address) : missing}
            </Fact>
          </dl>
          <Heading2>
            <FormattedMessage
              id="details.documents"
              defaultMessage="Reisdocumenten"
              description="Heading of the travel documents"
            />
          </Heading2>
          {person.travelDocuments && person.travelDocuments.length > 0 ? (
            <ul className="loket-documents">
              {person.travelDocuments.map((d) => (
                <li key={d.number}>
                  <DocumentKind kind={d.kind} />
                  {SPACE}
                  <FormattedMessage
                    id="details.documentValue"
                    defaultMessage="{number}, geldig tot {date}"
                    description="A travel document's number and expiry date"
                    values={{ number: d.number, date: <DateText value={d.expiresOn} /> }}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>
              <FormattedMessage
                id="details.noDocuments"
                defaultMessage="Er zijn geen reisdocumenten bekend."
                description="No travel documents"
              />
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}
