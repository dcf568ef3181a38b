import { ButtonGroup } from '@utrecht/component-library-react';
import { FormattedMessage } from 'react-intl';

import { RouterLink } from '../RouterLink';

/** The URL parameter that carries the cursor of a list's page. */
export const PAGE_PARAM = 'na';

export interface PageLinksProps {
  /** The list's path, without a query. */
  path: string;
  /** The cursor of the page shown; `null` on the first page. */
  after: string | null;
  /** The list's page info as the API gives it. */
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Links to the first and to the next page of a list paged by a cursor in the URL, so that
 * a page can be bookmarked and the browser's back button goes to the page before.
 */
export function PageLinks({ path, after, pageInfo }: PageLinksProps) {
  const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  if (!after && !next) return null;
  return (
    <ButtonGroup>
      {after && (
        <RouterLink to={path}>
          <FormattedMessage
            id="page.first"
            defaultMessage="Eerste pagina"
            description="Paging: back to the first page of a list"
          />
        </RouterLink>
      )}
      {next && (
        <RouterLink to={`${path}?${PAGE_PARAM}=${encodeURIComponent(next)}`}>
          <FormattedMessage
            id="page.next"
            defaultMessage="Volgende pagina"
            description="Paging: the next page of a list"
          />
        </RouterLink>
      )}
    </ButtonGroup>
  );
}
