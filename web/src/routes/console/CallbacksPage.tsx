import { Button, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';

import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ConflictError, fieldErrors, loketError } from '../../errors';
import { SPACE } from '../../format';
import { graphql } from '../../gql';
import type { CallbacksQuery } from '../../gql/graphql';
import { usePageQuery } from '../../hooks/usePageQuery';
import { ActionError } from './ActionError';
import { Label, OverdueMark } from './labels';
import { TextareaField } from './FormFields';
import { residentPath } from './residentPath';

const CallbacksDocument = graphql(`
  query Callbacks {
    callbacks(first: 100) {
      nodes {
        id
        team
        phone
        question
        subject
        requestedAt
        deadline
        overdue
        version
      }
    }
  }
`);

const CompleteCallback = graphql(`
  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {
    completeCallback(input: $input) {
      callback {
        id
        completedAt
        inTime
      }
    }
  }
`);

type Callback = CallbacksQuery['callbacks']['nodes'][number];

/** The back office's callbacks: questions the contact centre handed on, soonest deadline first. */
export function CallbacksPage() {
  const intl = useIntl();
  const { data, reexecute } = usePageQuery({ query: CallbacksDocument });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const callbacks = data?.callbacks.nodes;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.callbacks.title',
          defaultMessage: 'Terugbellen',
          description: 'Title of the callback queue',
        })}
      </PageTitle>
      {!callbacks ? (
        <Loading />
      ) : callbacks.length === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="console.callbacks.none"
            defaultMessage="Er staan geen terugbelverzoeken open."
            description="The callback queue is empty"
          />
        </Paragraph>
      ) : (
        <ol className="loket-callbacks">
          {callbacks.map((callback) => (
            <li key={callback.id} className="loket-panel loket-callback">
              <CallbackItem callback={callback} onDone={refresh} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function CallbackItem({ callback, onDone }: { callback: Callback; onDone: () => void }) {
  const heading = useId();
  const navigate = useNavigate();
  const [result, setResult] = useState('');
  const [state, complete] = useMutation(CompleteCallback);
  const errors = fieldErrors(state.error);
  const conflict = state.error && loketError(state.error) instanceof ConflictError;
  return (
    <article aria-labelledby={heading}>
      <h2 id={heading} className="utrecht-heading-3">
        <FormattedMessage
          id="console.callbacks.item"
          defaultMessage="Bel {phone} terug"
          description="Heading of one callback"
          values={{ phone: callback.phone }}
        />
      </h2>
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <Label name="team" />
          </dt>
          <dd>{callback.team}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="console.callbacks.deadline"
              defaultMessage="Uiterlijk"
              description="Label of the last day to call back"
            />
          </dt>
          <dd>
            <DateText value={callback.deadline} />
            {callback.overdue && <OverdueMark />}
          </dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <Label name="question" />
          </dt>
          <dd>{callback.question}</dd>
        </div>
      </dl>
      {callback.subject && (
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => void navigate(residentPath(), { state: { bsn: callback.subject } })}
        >
          <FormattedMessage
            id="console.callbacks.resident"
            defaultMessage="Inwoner en zaken bekijken"
            description="Button: open the resident of a callback"
          />
        </Button>
      )}
      <form
        className="loket-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void complete({
            input: { id: callback.id, result, expectedVersion: callback.version },
          }).then((r) => {
            if (r.data) onDone();
          });
        }}
      >
        {conflict ? (
          <Paragraph>
            <FormattedMessage
              id="console.callbacks.conflict"
              defaultMessage="Een collega heeft dit verzoek intussen gewijzigd."
              description="The callback changed since it was read"
            />
            {SPACE}
            <Button type="button" appearance="subtle-button" onClick={onDone}>
              <Label name="reload" />
            </Button>
          </Paragraph>
        ) : (
          <ActionError error={state.error} />
        )}
        <TextareaField
          label={
            <FormattedMessage
              id="console.callbacks.result"
              defaultMessage="Wat is er uitgekomen?"
              description="Label of a callback's result"
            />
          }
          name="result"
          value={result}
          onChange={setResult}
          error={errors.get('result')}
        />
        <Button type="submit" appearance="primary-action-button" busy={state.fetching}>
          <FormattedMessage
            id="console.callbacks.complete"
            defaultMessage="Afronden"
            description="Button: complete the callback"
          />
        </Button>
      </form>
    </article>
  );
}
