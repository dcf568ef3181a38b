import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { useMe } from '../../hooks/useMe';
import { consoleAreas } from './navigation';

/** The console's start page: the work the employee's policy opens, one link each. */
export function ConsoleHome() {
  const intl = useIntl();
  const { can, fetching } = useMe();
  const areas = consoleAreas(can);
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.home.title',
          defaultMessage: 'Overzicht',
          description: 'Title of the console start page',
        })}
      </PageTitle>
      {fetching && areas.length === 0 ? (
        <Loading />
      ) : areas.length === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="console.home.nothing"
            defaultMessage="Uw rol geeft in dit loket geen toegang tot werk. Vraag uw functioneel beheerder om de juiste rol."
            description="Console start page for an employee whose policy opens no section"
          />
        </Paragraph>
      ) : (
        <ul className="loket-areas">
          {areas.map((area) => (
            <li key={area.to} className="loket-area">
              <Heading2 className="loket-area__heading">
                <RouterLink to={area.to}>{area.label}</RouterLink>
              </Heading2>
              <Paragraph>{area.description}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
