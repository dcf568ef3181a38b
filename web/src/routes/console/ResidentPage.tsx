import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useLocation } from 'react-router';

import { CaseProgress } from '../../components/CaseProgress';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { SEPARATOR, formatAddress } from '../../format';
import { graphql } from '../../gql';
import { useMe } from '../../hooks/useMe';
import { usePageQuery } from '../../hooks/usePageQuery';
import { ChannelName } from './ChannelName';
import { Label, OverdueMark } from './labels';
import { RegisterContactForm } from './RegisterContactForm';
import { StartCaseForm } from './StartCaseForm';
import { casePath } from './casePath';
import { bsnFromState } from './residentPath';

const ResidentQuery = graphql(`
  query ConsoleResident($bsn: String!) {
    person(bsn: $bsn) {
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
    residentView(bsn: $bsn) {
      contacts(first: 20) {
        nodes {
          id
          channel
          topicLabel
          question
          answer
          resolvedFirstContact
          receivedAt
          employee
          caseReference
        }
      }
      cases(first: 50) {
        nodes {
          id
          reference
          caseType {
            name
            department
          }
          status {
            name
            end
          }
          decision {
            name
          }
          overdue
          ...CaseProgress_Case
        }
      }
    }
  }
`);

/**
 * The 360° view of one resident for the contact centre: who they are, their cases across
 * departments with where each stands, their contacts on every channel, and the actions of a
 * contact: register it, hand the question on, start a case. Each part as far as the policy
 * allows; what it hides is not asked for or comes back empty.
 */
export function ResidentPage() {
  const location = useLocation();
  const bsn = bsnFromState(location.state);
  if (!bsn) return <Navigate to="/medewerker/inwoners" replace />;
  return <Resident bsn={bsn} />;
}

function Resident({ bsn }: { bsn: string }) {
  const intl = useIntl();
  const { can } = useMe();
  const casesHeading = useId();
  const contactsHeading = useId();
  const { data, reexecute } = usePageQuery({ query: ResidentQuery, variables: { bsn } });
  if (!data) return <Loading />;
  const { person, residentView } = data;
  const address = person.address;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <>
      <PageTitle>
        {person.name?.fullName ??
          intl.formatMessage({
            id: 'console.resident.title',
            defaultMessage: 'Inwoner',
            description: 'Title of the resident page when the name may not be shown',
          })}
      </PageTitle>
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <Label name="bsn" />
          </dt>
          <dd>{person.bsn}</dd>
        </div>
        {person.birth && (
          <div className="loket-facts__item">
            <dt>
              <Label name="birthDate" />
            </dt>
            <dd>
              <DateText value={person.birth.date} />
            </dd>
          </div>
        )}
        {address && (
          <div className="loket-facts__item">
            <dt>
              <Label name="address" />
            </dt>
            <dd>{formatAddress(address)}</dd>
          </div>
        )}
      </dl>

      {can('contact/moments', 'CREATE') && (
        <RegisterContactForm bsn={person.bsn} onRegistered={refresh} />
      )}

      <section aria-labelledby={casesHeading}>
        <Heading2 id={casesHeading}>
          <FormattedMessage
            id="console.resident.cases"
            defaultMessage="Zaken"
            description="Heading of the resident's cases across departments"
          />
        </Heading2>
        {residentView.cases.nodes.length === 0 ? (
          <Paragraph>
            <FormattedMessage
              id="console.resident.noCases"
              defaultMessage="Geen zaken die u mag zien."
              description="The resident has no cases the employee may read"
            />
          </Paragraph>
        ) : (
          <ul className="loket-resident-cases">
            {residentView.cases.nodes.map((c) => (
              <li key={c.id} className="loket-resident-case">
                <article aria-labelledby={`case-${c.id}`}>
                  <h3 id={`case-${c.id}`} className="utrecht-heading-3">
                    <RouterLink to={casePath(c.reference)}>{c.caseType.name}</RouterLink>
                  </h3>
                  <dl className="loket-facts">
                    <div className="loket-facts__item">
                      <dt>
                        <Label name="reference" />
                      </dt>
                      <dd>{c.reference}</dd>
                    </div>
                    <div className="loket-facts__item">
                      <dt>
                        <Label name="department" />
                      </dt>
                      <dd>{c.caseType.department}</dd>
                    </div>
                    {c.status && (
                      <div className="loket-facts__item">
                        <dt>
                          <Label name="status" />
                        </dt>
                        <dd>
                          {c.status.name}
                          {c.overdue && <OverdueMark />}
                        </dd>
                      </div>
                    )}
                    {c.decision && (
                      <div className="loket-facts__item">
                        <dt>
                          <FormattedMessage
                            id="console.case.decision"
                            defaultMessage="Besluit"
                            description="Label of a case's decision"
                          />
                        </dt>
                        <dd className="loket-case-decision-name">{c.decision.name}</dd>
                      </div>
                    )}
                  </dl>
                  {c.status && (
                    <details className="loket-details">
                      <summary>
                        <FormattedMessage
                          id="console.resident.steps"
                          defaultMessage="Stappen bekijken"
                          description="Opens the status steps of a case"
                        />
                      </summary>
                      <CaseProgress
                        case={c}
                        aria-label={intl.formatMessage(
                          {
                            id: 'console.case.steps',
                            defaultMessage: 'Stappen van zaak {reference}',
                            description: 'Accessible name of the status steps in the console',
                          },
                          { reference: c.reference },
                        )}
                      />
                    </details>
                  )}
                </article>
              </li>
            ))}
          </ul>
        )}
        {can('case/*', 'CREATE') && <StartCaseForm bsn={person.bsn} onStarted={refresh} />}
      </section>

      <section aria-labelledby={contactsHeading}>
        <Heading2 id={contactsHeading}>
          <FormattedMessage
            id="console.resident.contacts"
            defaultMessage="Contacten"
            description="Heading of the resident's contact history"
          />
        </Heading2>
        {residentView.contacts.nodes.length === 0 ? (
          <Paragraph>
            <FormattedMessage
              id="console.resident.noContacts"
              defaultMessage="Nog geen contacten."
              description="The resident has no contact moments"
            />
          </Paragraph>
        ) : (
          <ol className="loket-contacts">
            {residentView.contacts.nodes.map((contact) => (
              <li key={contact.id} className="loket-contact">
                <p className="loket-contact__meta">
                  <DateText value={contact.receivedAt} kind="datetime" />
                  {SEPARATOR}
                  <ChannelName channel={contact.channel} />
                  {SEPARATOR}
                  {contact.topicLabel}
                  {contact.employee && SEPARATOR}
                  {contact.employee}
                </p>
                <p className="loket-contact__question">{contact.question}</p>
                {contact.answer && <p className="loket-contact__answer">{contact.answer}</p>}
                {!contact.resolvedFirstContact && (
                  <p className="loket-contact__open">
                    <FormattedMessage
                      id="console.contact.handedOn"
                      defaultMessage="Niet in het eerste contact beantwoord"
                      description="A contact that was not resolved in the first contact"
                    />
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
