import { Textbox } from '@utrecht/component-library-react';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

const TopicSearchQuery = graphql(`
  query TopicSearch($search: String!) {
    products(search: $search, first: 5) {
      nodes {
        code
        name
      }
    }
  }
`);

/** What a contact was about: a catalogue product, or a free topic. */
export interface Topic {
  text: string;
  product: string | null;
}

export interface TopicPickerProps {
  value: Topic;
  onChange: (topic: Topic) => void;
  error?: string;
}

/**
 * The topic of a contact, picked with the catalogue's search as one types (synonyms and
 * typos forgiven); what matches nothing is kept as a free topic.
 */
export function TopicPicker({ value, onChange, error }: TopicPickerProps) {
  const intl = useIntl();
  const name = useId();
  const search = useDebouncedValue(value.text.trim(), 200);
  const [result] = useQuery({
    query: TopicSearchQuery,
    variables: { search },
    pause: search.length < 2,
  });
  const found = search.length >= 2 ? (result.data?.products.nodes ?? []) : [];
  return (
    <>
      <Field
        label={
          <FormattedMessage
            id="console.contact.topic"
            defaultMessage="Onderwerp"
            description="Label of the contact's topic"
          />
        }
        description={
          <FormattedMessage
            id="console.contact.topic.hint"
            defaultMessage="Typ een paar letters en kies een product, of houd het als eigen onderwerp."
            description="Help under the topic field"
          />
        }
        error={error}
      >
        {(control) => (
          <Textbox
            {...control}
            name="topic"
            autoComplete="off"
            maxLength={200}
            value={value.text}
            onChange={(e) => onChange({ text: e.target.value, product: null })}
          />
        )}
      </Field>
      {value.text.trim() !== '' && (
        <ChoiceGroup
          className="loket-topic-choices"
          legend={intl.formatMessage({
            id: 'console.contact.topic.choose',
            defaultMessage: 'Kies het onderwerp',
            description: 'Legend of the topic choices',
          })}
        >
          {found.map((product) => (
            <div key={product.code} className="loket-choice">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`${name}-${product.code}`}
                name={name}
                checked={value.product === product.code}
                onChange={() => onChange({ text: value.text, product: product.code })}
              />
              <label
                htmlFor={`${name}-${product.code}`}
                className="utrecht-form-label utrecht-form-label--radio"
              >
                {product.name}
              </label>
            </div>
          ))}
          <div className="loket-choice">
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={`${name}-free`}
              name={name}
              checked={value.product === null}
              onChange={() => onChange({ text: value.text, product: null })}
            />
            <label
              htmlFor={`${name}-free`}
              className="utrecht-form-label utrecht-form-label--radio"
            >
              <FormattedMessage
                id="console.contact.topic.free"
                defaultMessage="Eigen onderwerp: {topic}"
                description="Choice: keep the typed text as the topic"
                values={{ topic: value.text.trim() }}
              />
            </label>
          </div>
        </ChoiceGroup>
      )}
    </>
  );
}
