import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { Outlet, useNavigate } from 'react-router';

import { ClientProvider } from '../../app/ClientProvider';
import { SessionProvider } from '../../app/SessionProvider';
import { TenantProvider } from '../../app/TenantProvider';
import { forget, renew } from '../../auth/oidc';
import type { Bootstrap } from '../../bootstrap';
import { PageShell, type NavItem } from '../../components/PageShell';
import { RouterLink } from '../../components/RouterLink';
import { useLocale } from '../../hooks/useLocale';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { useMe } from '../../hooks/useMe';
import { useSession } from '../../hooks/useSession';
import { useTenant } from '../../hooks/useTenant';

/** The portal of one municipality: login session, GraphQL client, the municipality, the frame. */
export function PortalRoot({ bootstrap }: { bootstrap: Bootstrap }) {
  const tenant = bootstrap.tenant ?? '';
  return (
    <SessionProvider tenant={tenant}>
      <ClientProvider tenant={tenant}>
        <TenantProvider bootstrap={bootstrap}>
          <Shell />
        </TenantProvider>
      </ClientProvider>
    </SessionProvider>
  );
}

function Account() {
  const { session, signOut } = useSession();
  const login = useLoginMethod();
  const navigate = useNavigate();
  if (session) {
    return (
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action loket-account"
        onClick={() => {
          const settings = login.oidc;
          signOut();
          if (session.method === 'oidc' && settings) void forget(settings);
          void navigate('/');
        }}
      >
        <FormattedMessage
          id="account.logout"
          defaultMessage="Uitloggen"
          description="Log-out button"
        />
      </button>
    );
  }
  if (!login.available) return null;
  return (
    <RouterLink to="/inloggen" className="loket-account">
      <FormattedMessage
        id="account.login"
        defaultMessage="Inloggen"
        description="Log-in link in the header"
      />
    </RouterLink>
  );
}

function Shell() {
  const { tenant, bootstrap, languages } = useTenant();
  const { locale, setLocale } = useLocale();
  const { session, setRenewer } = useSession();
  const { can } = useMe();
  const login = useLoginMethod();
  const oidc = login.oidc;

  useEffect(() => {
    setRenewer(session?.method === 'oidc' && oidc ? () => renew(oidc) : null);
  }, [session?.method, oidc?.issuer, oidc?.clientId, oidc?.redirectUri, setRenewer]); // eslint-disable-line react-hooks/exhaustive-deps

  const navigation: NavItem[] = [
    {
      to: '/',
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
