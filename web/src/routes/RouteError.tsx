import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, isRouteErrorResponse, useLocation, useRouteError } from 'react-router';

import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { RouterLink } from '../components/RouterLink';
import { InternalError, LoketError, NotFoundError, UnauthenticatedError } from '../errors';
import { useSection } from '../hooks/useSection';

/** The error screen of a page: a specific message per kind of error; a lost login goes to login. */
export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  const intl = useIntl();
  const section = useSection();
  const loket =
    error instanceof LoketError
      ? error
      : isRouteErrorResponse(error) && error.status === 404
        ? new NotFoundError('no such page')
        : new InternalError(String(error));
  if (loket instanceof UnauthenticatedError) {
    const back = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`${section.login}?terug=${back}`} replace />;
  }
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'errorPage.title',
          defaultMessage: 'Dit lukt nu niet',
          description: 'Title of the page shown for an error',
        })}
      </PageTitle>
      <ErrorMessage error={loket} />
      <Paragraph>
        <RouterLink to={section.home}>
          <FormattedMessage
            id="errorPage.home"
            defaultMessage="Naar de startpagina"
            description="Link home from an error page"
          />
        </RouterLink>
      </Paragraph>
    </>
  );
}
