import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { PageTitle } from '../components/PageTitle';
import { RouterLink } from '../components/RouterLink';

/** A path the app does not know. */
export function NotFoundPage() {
  const intl = useIntl();
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'notFound.title',
          defaultMessage: 'Deze pagina bestaat niet',
          description: 'Title of the page-not-found page',
        })}
      </PageTitle>
      <Paragraph>
        <FormattedMessage
          id="notFound.text"
          defaultMessage="Misschien klopt het adres niet, of is de pagina verhuisd."
          description="Explanation on the page-not-found page"
        />
      </Paragraph>
      <Paragraph>
        <RouterLink to="/">
          <FormattedMessage
            id="notFound.home"
            defaultMessage="Naar de startpagina"
            description="Link home from the page-not-found page"
          />
        </RouterLink>
      </Paragraph>
    </>
  );
}
