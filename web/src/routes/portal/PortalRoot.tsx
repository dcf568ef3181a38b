import { FormattedMessage } from 'react-intl';
import { Outlet } from 'react-router';

import { ClientProvider } from '../../app/ClientProvider';
import { SessionProvider } from '../../app/SessionProvider';
import { TenantProvider } from '../../app/TenantProvider';
import type { Bootstrap } from '../../bootstrap';
import { PageShell, type NavItem } from '../../components/PageShell';
import { Account } from '../Account';
import { useLocale } from '../../hooks/useLocale';
import { useMe } from '../../hooks/useMe';
import { useSession } from '../../hooks/useSession';
import { useSessionRenewal } from '../../hooks/useSessionRenewal';
import { useTenant } from '../../hooks/useTenant';

/** The portal of one municipality: login session, GraphQL client, the municipality, the frame. */
export function PortalRoot({ bootstrap }: { bootstrap: Bootstrap }) {
  const tenant = bootstrap.tenant ?? '';
  return (
    <SessionProvider tenant={tenant} audience="residents">
      <ClientProvider tenant={tenant}>
        <TenantProvider bootstrap={bootstrap}>
          <Shell />
        </TenantProvider>
      </ClientProvider>
    </SessionProvider>
  );
}

function Shell() {
  const { tenant, bootstrap, languages } = useTenant();
  const { locale, setLocale } = useLocale();
  const { session } = useSession();
  const { can } = useMe();
  useSessionRenewal();

  const navigation: NavItem[] = [
    {
      to: '/',
      end: true,
      label: (
        <FormattedMessage id="nav.home" defaultMessage="Start" description="Menu: start page" />
      ),
    },
  ];
  if (session) {
    if (can('case/*', 'READ')) {
      navigation.push({
        to: '/mijn/zaken',
        label: (
          <FormattedMessage
            id="nav.cases"
            defaultMessage="Mijn zaken"
            description="Menu: my cases"
          />
        ),
      });
    }
    if (can('case/*', 'CREATE')) {
      navigation.push({
        to: '/aanvragen',
        label: (
          <FormattedMessage
            id="nav.request"
            defaultMessage="Aanvragen"
            description="Menu: ask for products"
          />
        ),
      });
    }
    if (can('appointment/own', 'READ')) {
      navigation.push({
        to: '/mijn/afspraken',
        label: (
          <FormattedMessage
            id="nav.appointments"
            defaultMessage="Mijn afspraken"
            description="Menu: my appointments at the counter"
          />
        ),
      });
    }
    if (can('public-report/*', 'CREATE')) {
      navigation.push({
        to: '/mijn/meldingen',
        label: (
          <FormattedMessage
            id="nav.reports"
            defaultMessage="Mijn meldingen"
            description="Menu: my reports about public space"
          />
        ),
      });
    }
    if (can('valuation/report', 'READ')) {
      navigation.push({
        to: '/mijn/woz',
        label: (
          <FormattedMessage
            id="nav.valuation"
            defaultMessage="WOZ-waarde"
            description="Menu: my home's valuation"
          />
        ),
      });
    }
    if (can('subscription/own', 'READ')) {
      navigation.push({
        to: '/mijn/berichten',
        label: (
          <FormattedMessage
            id="nav.notifications"
            defaultMessage="Berichten"
            description="Menu: notification subscriptions"
          />
        ),
      });
    }
    if (can('contact/moments', 'READ')) {
      navigation.push({
        to: '/mijn/contact',
        label: (
          <FormattedMessage
            id="nav.contact"
            defaultMessage="Contact"
            description="Menu: contact history"
          />
        ),
      });
    }
    if (can('person/name', 'READ')) {
      navigation.push({
        to: '/mijn/gegevens',
        label: (
          <FormattedMessage
            id="nav.details"
            defaultMessage="Mijn gegevens"
            description="Menu: my details"
          />
        ),
      });
    }
  }

  return (
    <PageShell
      name={tenant.name || bootstrap.name}
      logo={tenant.theme.logo ?? bootstrap.logo}
      product={
        <FormattedMessage id="app.name" defaultMessage="Mijn Loket" description="Product name" />
      }
      tenant={tenant}
      languages={languages}
      locale={locale}
      onLocaleChange={setLocale}
      navigation={navigation}
      account={<Account />}
    >
      <Outlet />
    </PageShell>
  );
}
