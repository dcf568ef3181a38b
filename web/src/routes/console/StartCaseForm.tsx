import {
  Alert,
  Button,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';

import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { RouterLink } from '../../components/RouterLink';
import { fieldErrors, loketError } from '../../errors';
import { SPACE } from '../../format';
import { graphql } from '../../gql';
import type { CaseChannel } from '../../gql/graphql';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { casePath } from './casePath';

const CaseTypesQuery = graphql(`
  query ConsoleCaseTypes {
    caseTypes {
      code
      name
      products
    }
  }
`);

const StartCaseMutation = graphql(`
  mutation ConsoleStartCase($input: StartCaseInput!) {
    startCase(input: $input) {
      cases {
        id
        reference
        caseType {
          name
        }
      }
    }
  }
`);

const CASE_CHANNELS: readonly CaseChannel[] = ['COUNTER', 'PHONE', 'EMAIL', 'LETTER'];

const CASE_CHANNEL_NAMES = defineMessages<CaseChannel>({
  COUNTER: { id: 'channel.counter', defaultMessage: 'Balie', description: 'Channel' },
  PHONE: { id: 'channel.phone', defaultMessage: 'Telefoon', description: 'Channel' },
  EMAIL: { id: 'channel.email', defaultMessage: 'E-mail', description: 'Channel' },
  LETTER: { id: 'channel.letter', defaultMessage: 'Post', description: 'Channel' },
});

export interface StartCaseFormProps {
  bsn: string;
  onStarted: () => void;
}

/** Starts a case for the resident at the counter or on the phone: what, how, and why. */
export function StartCaseForm({ bsn, onStarted }: StartCaseFormProps) {
  const intl = useIntl();
  const heading = useId();
  const [{ data: types }] = useQuery({ query: CaseTypesQuery });
  const products = (types?.caseTypes ?? []).flatMap((t) =>
    t.products.map((product) => ({
      product,
      label: t.products.length > 1 ? `${t.name} (${product})` : t.name,
    })),
  );
  const [product, setProduct] = useState('');
  const [channel, setChannel] = useState<CaseChannel>('COUNTER');
  const [description, setDescription] = useState('');
  const chosen = product || products[0]?.product || '';
  const key = useIdempotencyKey(JSON.stringify({ bsn, chosen, channel, description }));
  const [state, start] = useMutation(StartCaseMutation);
  const errors = fieldErrors(state.error);
  const started = state.data?.startCase.cases ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void start({
      input: {
        bsn,
        product: chosen,
        channel,
        description: description.trim() || null,
        idempotencyKey: key,
      },
    }).then((result) => {
      if (result.data) onStarted();
    });
  };

  return (
    <section aria-labelledby={heading} className="loket-panel">
      <Heading3 id={heading}>
        <FormattedMessage
          id="console.start.title"
          defaultMessage="Zaak starten voor deze inwoner"
          description="Heading of the start-case form"
        />
      </Heading3>
      {started.length > 0 && (
        <Alert type="ok" role="status">
          <Paragraph>
            <FormattedMessage
              id="console.start.done"
              defaultMessage="Gestart:"
              description="Before the list of started cases"
            />
            {SPACE}
            {started.map((c) => (
              <RouterLink key={c.id} to={casePath(c.reference)}>
                {[c.caseType.name, c.reference].join(SPACE)}
              </RouterLink>
            ))}
          </Paragraph>
        </Alert>
      )}
      {state.error && errors.size === 0 && <ErrorMessage error={loketError(state.error)} />}
      <form className="loket-form" noValidate onSubmit={submit}>
        <Field
          label={
            <FormattedMessage
              id="console.start.product"
              defaultMessage="Wat vraagt de inwoner aan?"
              description="Label of the product to start a case for"
            />
          }
          error={errors.get('product')}
        >
          {(control) => (
            <Select
              {...control}
              name="product"
              value={chosen}
              onChange={(e) => setProduct(e.target.value)}
            >
              {products.map((p) => (
                <SelectOption key={p.product} value={p.product}>
                  {p.label}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.start.channel"
              defaultMessage="Hoe kwam de aanvraag binnen?"
              description="Label of the channel a case came in by"
            />
          }
          error={errors.get('channel')}
        >
          {(control) => (
            <Select
              {...control}
              name="channel"
              value={channel}
              onChange={(e) => setChannel(e.target.value as CaseChannel)}
            >
              {CASE_CHANNELS.map((c) => (
                <SelectOption key={c} value={c}>
                  {intl.formatMessage(CASE_CHANNEL_NAMES[c])}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.start.description"
              defaultMessage="Toelichting van de inwoner"
              description="Label of what the resident asks"
            />
          }
          error={errors.get('description')}
        >
          {(control) => (
            <Textarea
              {...control}
              name="description"
              rows={2}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={state.fetching}>
          <FormattedMessage
            id="console.start.submit"
            defaultMessage="Zaak starten"
            description="Button: start the case"
          />
        </Button>
      </form>
    </section>
  );
}
