import '../../styles/console.css';

import { FormattedMessage } from 'react-intl';
import { Outlet } from 'react-router';

import { ClientProvider } from '../../app/ClientProvider';
import { SectionContext } from '../../app/contexts';
import { SessionProvider } from '../../app/SessionProvider';
import { TenantProvider } from '../../app/TenantProvider';
import type { Bootstrap } from '../../bootstrap';
import { ChannelList } from '../../components/ChannelList';
import { PageShell } from '../../components/PageShell';
import { useLocale } from '../../hooks/useLocale';
import { useMe } from '../../hooks/useMe';
import { useSession } from '../../hooks/useSession';
import { useSessionRenewal } from '../../hooks/useSessionRenewal';
import { useTenant } from '../../hooks/useTenant';
import { Account } from '../Account';
import { consoleNavigation } from './navigation';
import { CONSOLE_SECTION } from './section';

/**
 * The staff console of one municipality: its own login session (apart from a resident's in
 * the same browser), the GraphQL client, the municipality, and the frame with the menu the
 * employee's policy allows.
 */
export function ConsoleRoot({ bootstrap }: { bootstrap: Bootstrap }) {
  const tenant = bootstrap.tenant ?? '';
  return (
    <SectionContext.Provider value={CONSOLE_SECTION}>
      <SessionProvider tenant={tenant} audience="staff">
        <ClientProvider tenant={tenant}>
          <TenantProvider bootstrap={bootstrap}>
            <Shell />
          </TenantProvider>
        </ClientProvider>
      </SessionProvider>
    </SectionContext.Provider>
  );
}

function Shell() {
  const { tenant, bootstrap, languages } = useTenant();
  const { locale, setLocale } = useLocale();
  const { session } = useSession();
  const { can } = useMe();
  useSessionRenewal();
  return (
    <PageShell
      className="loket-console"
      name={tenant.name || bootstrap.name}
      logo={tenant.theme.logo ?? bootstrap.logo}
      product={
        <FormattedMessage
          id="console.name"
          defaultMessage="Loket voor medewerkers"
          description="Product name of the staff console"
        />
      }
      tenant={tenant}
      languages={languages}
      locale={locale}
      onLocaleChange={setLocale}
      navigation={session ? consoleNavigation(can) : []}
      account={<Account />}
      aside={<ChannelList tenant={tenant} />}
    >
      <Outlet />
    </PageShell>
  );
}
