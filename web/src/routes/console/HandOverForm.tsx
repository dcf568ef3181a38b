import {
  Alert,
  Button,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';

import { DateText } from '../../components/DateText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { fieldErrors, loketError } from '../../errors';
import { graphql } from '../../gql';
import { Label } from './labels';

const CallbackTeamsQuery = graphql(`
  query CallbackTeams {
    tenant {
      callbackTeams
    }
  }
`);

const RequestCallbackMutation = graphql(`
  mutation ConsoleRequestCallback($input: RequestCallbackInput!) {
    requestCallback(input: $input) {
      callback {
        id
        team
        deadline
      }
    }
  }
`);

export interface HandOverFormProps {
  /** The contact the question was asked in. */
  contactId: string;
  question: string;
  onDone: () => void;
}

/** Hands a question the contact centre could not answer to a back-office team to call back. */
export function HandOverForm({ contactId, question, onDone }: HandOverFormProps) {
  const heading = useId();
  const [{ data: teams }] = useQuery({ query: CallbackTeamsQuery });
  const [team, setTeam] = useState('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState(question);
  const [state, request] = useMutation(RequestCallbackMutation);
  const errors = fieldErrors(state.error);
  const done = state.data?.requestCallback.callback;
  const options = teams?.tenant.callbackTeams ?? [];
  const chosen = team || options[0] || '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void request({
      input: {
        contactId,
        team: chosen,
        phone,
        question: text.trim() === question.trim() ? null : text,
      },
    });
  };

  if (done) {
    return (
      <Alert type="ok" role="status">
        <Paragraph>
          <FormattedMessage
            id="console.handover.done"
            defaultMessage="Doorgezet naar {team}. Zij bellen uiterlijk {deadline} terug."
            description="Confirmation after handing a question to a team"
            values={{ team: done.team, deadline: <DateText value={done.deadline} /> }}
          />
        </Paragraph>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          <Label name="close" />
        </Button>
      </Alert>
    );
  }
  return (
    <section aria-labelledby={heading} className="loket-panel loket-panel--nested">
      <Heading3 id={heading}>
        <FormattedMessage
          id="console.handover.title"
          defaultMessage="Doorzetten naar de backoffice"
          description="Heading of the hand-over form"
        />
      </Heading3>
      {state.error && errors.size === 0 && <ErrorMessage error={loketError(state.error)} />}
      <form className="loket-form" noValidate onSubmit={submit}>
        <Field label={<Label name="team" />} error={errors.get('team')}>
          {(control) => (
            <Select
              {...control}
              name="team"
              value={chosen}
              onChange={(e) => setTeam(e.target.value)}
            >
              {options.map((option) => (
                <SelectOption key={option} value={option}>
                  {option}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.handover.phone"
              defaultMessage="Terugbelnummer"
              description="Label of the number to call back"
            />
          }
          error={errors.get('phone')}
        >
          {(control) => (
            <Textbox
              {...control}
              name="phone"
              type="tel"
              autoComplete="off"
              maxLength={20}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.handover.question"
              defaultMessage="Vraag voor de backoffice"
              description="Label of the question handed on"
            />
          }
          error={errors.get('question')}
        >
          {(control) => (
            <Textarea
              {...control}
              name="question"
              rows={2}
              maxLength={4000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={state.fetching}>
          <FormattedMessage
            id="console.handover.submit"
            defaultMessage="Doorzetten"
            description="Button: hand the question to the team"
          />
        </Button>
      </form>
    </section>
  );
}
