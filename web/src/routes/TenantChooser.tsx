import {
  Link,
  PageContent,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import type { TenantEntry } from '../bootstrap';
import { PageTitle } from '../components/PageTitle';

export interface TenantChooserProps {
  tenants: readonly TenantEntry[];
  /** Shown for a path that belongs to no municipality. */
  notFound?: boolean;
}

/** Where the host belongs to no municipality: choose one. */
export function TenantChooser({ tenants, notFound = false }: TenantChooserProps) {
  const intl = useIntl();
  return (
    <div className="utrecht-document loket-shell">
      <PageContent className="loket-content">
        <main id="main" className="loket-main">
          <PageTitle>
            {notFound
              ? intl.formatMessage({
                  id: 'chooser.notFound',
                  defaultMessage: 'Deze pagina bestaat niet',
                  description: 'Title when a path names no municipality',
                })
              : intl.formatMessage({
                  id: 'chooser.title',
                  defaultMessage: 'Kies uw gemeente',
                  description: 'Title of the list of municipalities',
                })}
          </PageTitle>
          <Paragraph>
            <FormattedMessage
              id="chooser.text"
              defaultMessage="Mijn Loket werkt voor deze gemeenten. Kies de gemeente waar u woont."
              description="Explanation above the list of municipalities"
            />
          </Paragraph>
          <UnorderedList className="loket-chooser">
            {tenants.map((t) => (
              <UnorderedListItem key={t.slug}>
                <Link href={`/${t.slug}/`}>{t.name}</Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </main>
      </PageContent>
    </div>
  );
}
