// Taking up an ended report about public space again (`reopenCase`), with a new handling
// period and, if the employee writes one, a word to the reporters.
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { fieldErrors } from '../../errors';
import { graphql } from '../../gql';
import { ActionError } from './ActionError';
import { ActionForm, type ActionFormProps } from './ActionForm';
import { TextareaField } from './FormFields';
import { useCaseAction } from './useCaseAction';

const Reopen = graphql(`
  mutation ConsoleReopen($input: ReopenCaseInput!) {
    reopenCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

/** Reopen an ended report; the reporters hear of it. */
export function ReopenForm({ c, ...handlers }: ActionFormProps) {
  const intl = useIntl();
  const action = useCaseAction(Reopen, handlers);
  const [text, setText] = useState('');
  const errors = fieldErrors(action.error);
  return (
    <ActionForm
      title={
        <FormattedMessage
          id="console.actions.reopen"
          defaultMessage="Heropenen"
          description="Heading of the form to reopen an ended report"
        />
      }
      onSubmit={() =>
        action.run(
          {
            input: {
              caseId: c.id,
              expectedVersion: c.version,
              publicExplanation: text.trim() || null,
            },
          },
          () => setText(''),
        )
      }
    >
      <ActionError error={action.error} />
      <TextareaField
        label={intl.formatMessage({
          id: 'console.actions.reopen.public',
          defaultMessage: 'Uitleg voor de melders (niet verplicht)',
          description: 'Label of the explanation sent to the reporters when reopening',
        })}
        description={intl.formatMessage({
          id: 'console.actions.reopen.hint',
          defaultMessage:
            'Zonder uitleg krijgen de melders de standaardtekst van de status. De melding krijgt een nieuwe termijn.',
          description: 'Help under the reopen explanation',
        })}
        name="publicExplanation"
        value={text}
        onChange={setText}
        error={errors.get('publicExplanation')}
      />
      <Button type="submit" appearance="secondary-action-button" busy={action.busy}>
        <FormattedMessage
          id="console.actions.reopen.submit"
          defaultMessage="Melding heropenen"
          description="Button: reopen the ended report"
        />
      </Button>
    </ActionForm>
  );
}
