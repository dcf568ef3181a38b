import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { PageTitle } from '../components/PageTitle';
import { RouterLink } from '../components/RouterLink';
import { useSection } from '../hooks/useSection';

/** A path the app does not know. */
export function NotFoundPage() {
  const intl = useIntl();
  const section = useSection();
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
        <RouterLink to={section.home}>
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
