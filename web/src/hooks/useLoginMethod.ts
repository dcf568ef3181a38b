import type { OidcSettings } from '../auth/oidc';
import { useSection } from './useSection';
import { useTenant } from './useTenant';

export interface LoginMethod {
  /** Whether one can log in here at all. */
  available: boolean;
  /** The demo login (a development issuer): pick a demo resident or a demo role. */
  demo: boolean;
  /** OpenID Connect settings, where the login is a real provider. */
  oidc: OidcSettings | null;
}

/**
 * How people log in to this section, as `tenant.login` says: residents to the portal,
 * staff to the console.
 */
export function useLoginMethod(): LoginMethod {
  const { tenant, bootstrap } = useTenant();
  const section = useSection();
  const method = tenant.login[section.audience];
  const oidc =
    method && !method.demo && method.clientId
      ? {
          issuer: method.issuer,
          clientId: method.clientId,
          scopes: method.scopes,
          redirectUri: new URL(
            `${bootstrap.base}${section.login.slice(1)}/terug`,
            window.location.origin,
          ).toString(),
        }
      : null;
  return { available: Boolean(method), demo: Boolean(method?.demo), oidc };
}
