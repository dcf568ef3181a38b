import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { useClient, useSubscription } from 'urql';

import { CaseDecision } from '../../components/CaseDecision';
import { CaseProgress } from '../../components/CaseProgress';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SPACE } from '../../format';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';
import { CaseActions } from './CaseActions';
import { ConflictDialog, type Conflict } from './ConflictDialog';
import { IntegralWarning } from './IntegralWarning';
import { Journal } from './Journal';
import { Label, OverdueMark } from './labels';
import { ReportDetails } from './ReportDetails';
import { StaffCaseDocument } from './staffCase';

const StaffCaseUpdated = graphql(`
  subscription StaffCaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      kind
      case {
        id
        version
      }
    }
  }
`);

/**
 * A case as the back office works it: where it stands, the journal with internal and public
 * texts told apart, the integral view's warning when decisions at the same address disagree,
 * and the actions the policy allows. Every action names the version it was made on; a change
 * by a colleague in the meantime is shown, never overwritten.
 */
export function StaffCasePage() {
  const intl = useIntl();
  const client = useClient();
  const { reference = '' } = useParams();
  const { data, reexecute } = usePageQuery({
    query: StaffCaseDocument,
    variables: { reference },
  });
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const c = data?.case;
  const id = c?.id;
  const version = c?.version;
  useSubscription(
    { query: StaffCaseUpdated, variables: { caseId: id ?? '' }, pause: !id },
    (_previous, update) => {
      if (version !== undefined && update.caseUpdated.case.version > version) {
        setChangedElsewhere(true);
      }
      return update;
    },
  );
  const reload = () => {
    setChangedElsewhere(false);
    setConflict(null);
    reexecute({ requestPolicy: 'network-only' });
  };
  const onConflict = () => {
    if (!c) return;
    void client
      .query(StaffCaseDocument, { reference }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => setConflict({ before: c, now: result.data?.case ?? null }));
  };

  if (!c || !data) return <Loading />;
  return (
    <>
      <PageTitle>{[c.caseType.name, c.reference].join(SPACE)}</PageTitle>
      {changedElsewhere && (
        <Alert type="warning" role="status">
          <Paragraph>
            <FormattedMessage
              id="console.case.changedElsewhere"
              defaultMessage="Een collega heeft deze zaak zojuist gewijzigd."
              description="Shown when the open case changes elsewhere"
            />
          </Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={reload}>
            <Label name="reload" />
          </Button>
        </Alert>
      )}
      <IntegralWarning reference={c.reference} />
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <Label name="department" />
          </dt>
          <dd>{c.caseType.department}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <Label name="status" />
          </dt>
          <dd className="loket-case-status">{c.status?.name}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <Label name="deadline" />
          </dt>
          <dd>
            <DateText value={c.deadline} />
            {c.overdue && <OverdueMark />}
          </dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <Label name="handler" />
          </dt>
          <dd className="loket-case-handler">{c.handler ?? <Label name="nobody" />}</dd>
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
              <Label name="location" />
            </dt>
            <dd>{c.location}</dd>
          </div>
        )}
        {c.description && (
          <div className="loket-facts__item">
            <dt>
              <FormattedMessage
                id="console.case.description"
                defaultMessage="Omschrijving van de inwoner"
                description="Label of what the resident wrote"
              />
            </dt>
            <dd>{c.description}</dd>
          </div>
        )}
      </dl>
      {c.position && (
        <ReportDetails
          reference={c.reference}
          version={c.version}
          position={c.position}
          address={c.location}
        />
      )}
      {c.decision && <CaseDecision decision={c.decision} />}
      <CaseActions case={c} me={data.me.subject} onConflict={onConflict} onChanged={reload} />
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
      {c.journal && <Journal entries={c.journal} />}
      {conflict && (
        <ConflictDialog conflict={conflict} onReload={reload} onClose={() => setConflict(null)} />
      )}
    </>
  );
}
