import { useEffect, useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';

import type { Bootstrap } from '../bootstrap';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { loketError } from '../errors';
import { graphql } from '../gql';
import { PORTAL_LOCALES } from '../i18n/locales';
import { useLocale } from '../hooks/useLocale';
import { TenantContext, type TenantState } from './contexts';

const TenantQuery = graphql(`
  query Tenant {
    tenant {
      slug
      name
      languages
      login {
        residents {
          issuer
          clientId
          scopes
          demo
        }
        staff {
          issuer
          clientId
          scopes
          demo
        }
      }
      theme {
        className
        logo
      }
      ...ChannelList_Tenant
    }
  }
`);

export interface TenantProviderProps {
  bootstrap: Bootstrap;
  children: ReactNode;
}

/**
 * Asks Loket about the municipality (name, languages, login, look, channels) once, and
 * keeps the app's language to one the municipality offers.
 */
export function TenantProvider({ bootstrap, children }: TenantProviderProps) {
  const [result] = useQuery({ query: TenantQuery });
  const { locale, setLocale } = useLocale();
  const tenant = result.data?.tenant;
  const languages = useMemo(
    () =>
      (tenant?.languages ?? []).filter((l) => (PORTAL_LOCALES as readonly string[]).includes(l)),
    [tenant],
  );
  useEffect(() => {
    const first = languages[0];
    if (first && !languages.includes(locale)) setLocale(first);
  }, [languages, locale, setLocale]);
  useEffect(() => {
    // Under the development server the page comes without the theme classes.
    tenant?.theme.className.split(' ').forEach((c) => document.documentElement.classList.add(c));
  }, [tenant]);
  const value = useMemo<TenantState | null>(
    () => (tenant ? { bootstrap, tenant, languages } : null),
    [bootstrap, tenant, languages],
  );
  if (!value) {
    if (result.error) return <ErrorMessage error={loketError(result.error)} />;
    return <Loading />;
  }
  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}
