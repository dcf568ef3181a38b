import {
  Button,
  Heading2,
  Paragraph,
  RadioButton,
  Textbox,
} from '@utrecht/component-library-react';
import {
  forwardRef,
  useId,
  useRef,
  useState,
  type FormEvent,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, type CombinedError } from 'urql';

import { BadUserInputError, fieldErrors, loketErrors } from '../../errors';
import { graphql } from '../../gql';
import type { NotificationChannel, SubscribeInput, SubscriptionTopic } from '../../gql/graphql';
import { ChoiceGroup } from '../ChoiceGroup';
import { ErrorMessage } from '../ErrorMessage';
import { Field } from '../Field';
import { FieldError } from '../FieldError';

const SubscribeMutation = graphql(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      subscription {
        id
        topic
      }
    }
  }
`);

export const RESIDENT_CHANNELS = ['EMAIL', 'SMS'] as const satisfies readonly NotificationChannel[];
export type ResidentChannel = (typeof RESIDENT_CHANNELS)[number];

export interface SubscribeFormProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  topic: SubscriptionTopic;
  heading: ReactNode;
  intro: ReactNode;
  /** The language the messages are written in. */
  language: string;
  /** More of the input, such as a radius. */
  extraInput?: Partial<SubscribeInput>;
  /** More fields, given Loket's messages about fields by name. */
  children?: (problem: (field: string) => ReactNode) => ReactNode;
}

/** Subscribe to one kind of message, by e-mail or text message. */
export const SubscribeForm = forwardRef<HTMLElement, SubscribeFormProps>(function SubscribeForm(
  { topic, heading, intro, language, extraInput, children, className, ...props },
  ref,
) {
  const intl = useIntl();
  const id = useId();
  const [channel, setChannel] = useState<ResidentChannel>('EMAIL');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState(false);
  const [state, subscribe] = useMutation(SubscribeMutation);
  const busy = useRef(false);
  const problems = fieldErrors(error ?? undefined);
  const problem = (field: string) => {
    const message = problems.get(field);
    return message ? <FieldError message={message} /> : undefined;
  };
  const general = error
    ? loketErrors(error).find((e) => !(e instanceof BadUserInputError && e.field))
    : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setDone(false);
    setError(null);
    const result = await subscribe({ input: { topic, channel, address, language, ...extraInput } });
    busy.current = false;
    if (result.data) {
      setDone(true);
      setAddress('');
    } else if (result.error) {
      setError(result.error);
    }
  }

  return (
    <section
      ref={ref}
      aria-labelledby={`${id}-heading`}
      className={['loket-subscribe', className].filter(Boolean).join(' ')}
      {...props}
    >
      <Heading2 id={`${id}-heading`}>{heading}</Heading2>
      <Paragraph>{intro}</Paragraph>
      {general && (
        <ErrorMessage
          error={general}
          explanations={{
            CONFLICT: (
              <FormattedMessage
                id="subscribe.conflict"
                defaultMessage="U bent hier al voor aangemeld met dit adres. U hoeft niets te doen."
                description="Explains a CONFLICT when subscribing twice"
              />
            ),
          }}
        />
      )}
      <form className="loket-form" noValidate onSubmit={(e) => void submit(e)}>
        {children?.(problem)}
        <ChoiceGroup
          legend={intl.formatMessage({
            id: 'subscribe.channel',
            defaultMessage: 'Hoe wilt u het horen?',
            description: 'Legend of the channel choice',
          })}
          error={problem('channel')}
        >
          {RESIDENT_CHANNELS.map((c) => (
            <div key={c} className="loket-choice">
              <RadioButton
                id={`${id}-${c}`}
                name={`${id}-channel`}
                value={c}
                checked={channel === c}
                onChange={() => setChannel(c)}
              />
              <label
                htmlFor={`${id}-${c}`}
                className="utrecht-form-label utrecht-form-label--radio"
              >
                {c === 'EMAIL' ? (
                  <FormattedMessage
                    id="subscribe.email"
                    defaultMessage="Per e-mail"
                    description="Channel choice"
                  />
                ) : (
                  <FormattedMessage
                    id="subscribe.sms"
                    defaultMessage="Per sms"
                    description="Channel choice"
                  />
                )}
              </label>
            </div>
          ))}
        </ChoiceGroup>
        <Field
          label={
            channel === 'EMAIL'
              ? intl.formatMessage({
                  id: 'subscribe.emailAddress',
                  defaultMessage: 'Uw e-mailadres',
                  description: 'Label',
                })
              : intl.formatMessage({
                  id: 'subscribe.phone',
                  defaultMessage: 'Uw mobiele nummer',
                  description: 'Label',
                })
          }
          error={problem('address')}
        >
          {({ invalid, ...control }) => (
            <Textbox
              {...control}
              invalid={invalid}
              type={channel === 'EMAIL' ? 'email' : 'tel'}
              autoComplete={channel === 'EMAIL' ? 'email' : 'tel'}
              name="address"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={state.fetching}
          aria-disabled={state.fetching || undefined}
        >
          <FormattedMessage
            id="subscribe.submit"
            defaultMessage="Aanmelden"
            description="Submit button of a subscription form"
          />
        </Button>
        <p role="status" className="loket-subscribe__status">
          {done && (
            <FormattedMessage
              id="subscribe.done"
              defaultMessage="Gelukt. U bent aangemeld."
              description="Confirmation after subscribing"
            />
          )}
        </p>
      </form>
    </section>
  );
});
