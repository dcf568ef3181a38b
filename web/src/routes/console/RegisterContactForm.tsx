import {
  Alert,
  Button,
  Checkbox,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';

import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { fieldErrors, loketError } from '../../errors';
import { graphql } from '../../gql';
import type { ContactMomentChannel } from '../../gql/graphql';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { useMe } from '../../hooks/useMe';
import { CONTACT_CHANNELS, LIVE_CHANNELS, WRITTEN_CHANNELS, useChannelName } from './ChannelName';
import { HandOverForm } from './HandOverForm';
import { Label } from './labels';
import { TopicPicker, type Topic } from './TopicPicker';

const RegisterContactMutation = graphql(`
  mutation ConsoleRegisterContact($input: RegisterContactInput!) {
    registerContact(input: $input) {
      replayed
      contact {
        id
        question
        resolvedFirstContact
      }
    }
  }
`);

interface Draft {
  channel: ContactMomentChannel;
  waitSeconds: string;
  receivedAt: string;
  topic: Topic;
  question: string;
  answer: string;
  resolved: boolean;
}

const EMPTY: Draft = {
  channel: 'PHONE',
  waitSeconds: '',
  receivedAt: '',
  topic: { text: '', product: null },
  question: '',
  answer: '',
  resolved: true,
};

export interface RegisterContactFormProps {
  bsn: string;
  onRegistered: () => void;
}

/**
 * Registers a contact with this resident in a few keystrokes: the channel, the waiting time
 * (phone, chat) or when a written question came in, the topic from the catalogue, and whether
 * it was answered in this contact. A retry never registers it twice. A question not answered
 * can then be handed to a back-office team.
 */
export function RegisterContactForm({ bsn, onRegistered }: RegisterContactFormProps) {
  const channelName = useChannelName();
  const heading = useId();
  const { can } = useMe();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [registered, setRegistered] = useState<{ id: string; question: string } | null>(null);
  const [state, register] = useMutation(RegisterContactMutation);
  const key = useIdempotencyKey(JSON.stringify({ bsn, draft }));
  const errors = fieldErrors(state.error);
  const live = LIVE_CHANNELS.includes(draft.channel);
  const written = WRITTEN_CHANNELS.includes(draft.channel);
  const change = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wait = Number.parseInt(draft.waitSeconds, 10);
    void register({
      input: {
        channel: draft.channel,
        subject: bsn,
        product: draft.topic.product,
        topic: draft.topic.product ? null : draft.topic.text.trim() || null,
        question: draft.question,
        answer: draft.answer,
        resolvedFirstContact: draft.resolved,
        waitSeconds: live && Number.isFinite(wait) ? wait : null,
        receivedAt: written && draft.receivedAt ? new Date(draft.receivedAt).toISOString() : null,
        idempotencyKey: key,
      },
    }).then((result) => {
      const contact = result.data?.registerContact.contact;
      if (!contact) return;
      setRegistered(contact.resolvedFirstContact ? null : contact);
      setDraft(EMPTY);
      onRegistered();
    });
  };

  return (
    <section aria-labelledby={heading} className="loket-panel">
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.contact.title"
          defaultMessage="Contact registreren"
          description="Heading of the register-contact form"
        />
      </Heading2>
      {state.data && !state.fetching && (
        <Alert type="ok" role="status">
          <Paragraph>
            <FormattedMessage
              id="console.contact.registered"
              defaultMessage="Het contact is geregistreerd."
              description="Confirmation after registering a contact"
            />
          </Paragraph>
        </Alert>
      )}
      {registered && can('contact/callbacks', 'CREATE') && (
        <HandOverForm
          contactId={registered.id}
          question={registered.question}
          onDone={() => setRegistered(null)}
        />
      )}
      {state.error && errors.size === 0 && <ErrorMessage error={loketError(state.error)} />}
      <form className="loket-form" noValidate onSubmit={submit}>
        <Field
          label={
            <FormattedMessage
              id="console.contact.channel"
              defaultMessage="Kanaal"
              description="Label of the contact's channel"
            />
          }
          error={errors.get('channel')}
        >
          {(control) => (
            <Select
              {...control}
              name="channel"
              value={draft.channel}
              onChange={(e) => change({ channel: e.target.value as ContactMomentChannel })}
            >
              {CONTACT_CHANNELS.map((channel) => (
                <SelectOption key={channel} value={channel}>
                  {channelName(channel)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        {live && (
          <Field
            label={
              <FormattedMessage
                id="console.contact.wait"
                defaultMessage="Wachttijd in seconden"
                description="Label of the waiting time"
              />
            }
            error={errors.get('waitSeconds')}
          >
            {(control) => (
              <Textbox
                {...control}
                name="waitSeconds"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                value={draft.waitSeconds}
                onChange={(e) => change({ waitSeconds: e.target.value })}
              />
            )}
          </Field>
        )}
        {written && (
          <Field
            label={
              <FormattedMessage
                id="console.contact.receivedAt"
                defaultMessage="Binnengekomen op"
                description="Label of when a written question arrived"
              />
            }
            error={errors.get('receivedAt')}
          >
            {(control) => (
              <Textbox
                {...control}
                name="receivedAt"
                type="datetime-local"
                value={draft.receivedAt}
                onChange={(e) => change({ receivedAt: e.target.value })}
              />
            )}
          </Field>
        )}
        <TopicPicker
          value={draft.topic}
          onChange={(topic) => change({ topic })}
          error={errors.get('topic') ?? errors.get('product')}
        />
        <Field label={<Label name="question" />} error={errors.get('question')}>
          {(control) => (
            <Textarea
              {...control}
              name="question"
              rows={2}
              maxLength={4000}
              value={draft.question}
              onChange={(e) => change({ question: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.contact.answer"
              defaultMessage="Antwoord"
              description="Label of the answer given"
            />
          }
          error={errors.get('answer')}
        >
          {(control) => (
            <Textarea
              {...control}
              name="answer"
              rows={2}
              maxLength={4000}
              value={draft.answer}
              onChange={(e) => change({ answer: e.target.value })}
            />
          )}
        </Field>
        <div className="loket-choice">
          <Checkbox
            id={`${heading}-resolved`}
            name="resolved"
            checked={draft.resolved}
            onChange={(e) => change({ resolved: e.target.checked })}
          />
          <label
            htmlFor={`${heading}-resolved`}
            className="utrecht-form-label utrecht-form-label--checkbox"
          >
            <FormattedMessage
              id="console.contact.resolved"
              defaultMessage="Beantwoord in dit contact"
              description="Checkbox: answered in the first contact"
            />
          </label>
        </div>
        <Button type="submit" appearance="primary-action-button" busy={state.fetching}>
          <FormattedMessage
            id="console.contact.submit"
            defaultMessage="Contact registreren"
            description="Button: register the contact"
          />
        </Button>
      </form>
    </section>
  );
}
