import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { useSubscription } from 'urql';

import { CaseDecision } from '../../components/CaseDecision';
import { CaseProgress } from '../../components/CaseProgress';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useReconnect } from '../../hooks/useReconnect';

const CaseQuery = graphql(`
  query MyCase($reference: String!) {
    case(reference: $reference) {
      id
      reference
      caseType {
        name
      }
      location
      description
      submittedAt
      status {
        name
        end
      }
      decision {
        ...CaseDecision_Decision
      }
      ...CaseProgress_Case
    }
  }
`);

const CaseUpdatedSubscription = graphql(`
  subscription CaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      kind
      at
      case {
        id
        version
        status {
          name
        }
      }
    }
  }
`);

/**
 * One case, followed like a parcel: its steps, how long the current one has lasted, when a
 * decision is expected, and the decision. A change by the municipality appears without
 * reloading and is announced.
 */
export function CasePage() {
  const intl = useIntl();
  const { reference = '' } = useParams();
  const { data, reexecute } = usePageQuery({ query: CaseQuery, variables: { reference } });
  const [announcement, setAnnouncement] = useState('');
  const id = data?.case.id;
  useSubscription(
    { query: CaseUpdatedSubscription, variables: { caseId: id ?? '' }, pause: !id },
    (_previous, update) => {
      reexecute({ requestPolicy: 'network-only' });
      const status = update.caseUpdated.case.status?.name;
      if (status) {
        setAnnouncement(
          intl.formatMessage(
            {
              id: 'case.updated',
              defaultMessage: 'Bijgewerkt: uw aanvraag staat nu op “{status}”.',
              description: 'Announced when the case changes while the page is open',
            },
            { status },
          ),
        );
      }
      return update;
    },
  );
  useReconnect(() => reexecute({ requestPolicy: 'network-only' }));

  const c = data?.case;
  if (!c) return <Loading />;
  return (
    <>
      <PageTitle>{c.caseType.name}</PageTitle>
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="case.reference"
              defaultMessage="Zaaknummer"
              description="Label of a case's reference"
            />
          </dt>
          <dd className="loket-case__reference">{c.reference}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="case.submitted"
              defaultMessage="Aangevraagd op"
              description="Label of the day a case came in"
            />
          </dt>
          <dd>
            <DateText value={c.submittedAt} />
          </dd>
        </div>
        {c.location && (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="case.location"
                defaultMessage="Adres"
                description="Label of a case's location"
              />
            </dt>
            <dd>{c.location}</dd>
          </div>
        )}
        {c.description && (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="case.description"
                defaultMessage="Uw omschrijving"
                description="Label of what the resident wrote"
              />
            </dt>
            <dd>{c.description}</dd>
          </div>
        )}
      </dl>
      <p role="status" className="loket-live">
        {announcement}
      </p>
      {c.decision && <CaseDecision decision={c.decision} />}
      <Heading2>
        <FormattedMessage
          id="case.progress"
          defaultMessage="Waar staat uw aanvraag?"
          description="Heading above the status steps"
        />
      </Heading2>
      <CaseProgress case={c} />
      <Paragraph>
        <RouterLink to="/mijn/zaken">
          <FormattedMessage
            id="case.back"
            defaultMessage="Terug naar al uw zaken"
            description="Link back to my cases"
          />
        </RouterLink>
      </Paragraph>
    </>
  );
}
