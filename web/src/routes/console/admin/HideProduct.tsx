import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';

import { graphql } from '../../../gql';
import { ActionError } from '../ActionError';
import { Visibility } from './productLabels';

const HideProductMutation = graphql(`
  mutation HideProduct($input: HideProductInput!) {
    hideProduct(input: $input) {
      product {
        id
        hidden
      }
    }
  }
`);

/** Whether residents see a product, and the button that hides it or offers it again. */
export function HideProduct({
  code,
  name,
  hidden,
}: {
  code: string;
  name: string;
  hidden: boolean;
}) {
  const heading = useId();
  const [state, hide] = useMutation(HideProductMutation);
  return (
    <section aria-labelledby={heading} className="loket-panel">
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.product.visibility.title"
          defaultMessage="Zichtbaarheid"
          description="Heading: whether residents see the product"
        />
      </Heading2>
      <Paragraph>
        <FormattedMessage
          id="console.product.visibility.now"
          defaultMessage="{name}: {visibility}."
          description="The product and whether residents see it"
          values={{ name, visibility: <Visibility hidden={hidden} /> }}
        />
      </Paragraph>
      <ActionError error={state.error} />
      <Button
        type="button"
        appearance="secondary-action-button"
        busy={state.fetching}
        onClick={() => void hide({ input: { code, hidden: !hidden } })}
      >
        {hidden ? (
          <FormattedMessage
            id="console.product.offer"
            defaultMessage="Weer aanbieden"
            description="Button: show a hidden product to residents again"
          />
        ) : (
          <FormattedMessage
            id="console.product.hide"
            defaultMessage="Verbergen voor inwoners"
            description="Button: hide the product from residents"
          />
        )}
      </Button>
    </section>
  );
}
