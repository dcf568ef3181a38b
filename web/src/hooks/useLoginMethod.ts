import type { OidcSettings } from '../auth/oidc';
import { useTenant } from './useTenant';

export interface LoginMethod {
  /** Whether residents can log in at all. */
  available: boolean;
  /** The demo login (a development issuer): pick a demo resident. */
  demo: boolean;
  /** OpenID Connect settings, where the login is a real provider. */
  oidc: OidcSettings | null;
}

/** How residents of this municipality log in, as `tenant.login` says. */
export function useLoginMethod(): LoginMethod {
  const { tenant, bootstrap } = useTenant();
  const residents = tenant.login.residents;
  const oidc =
    residents && !residents.demo && residents.clientId
      ? {
          issuer: residents.issuer,
          clientId: residents.clientId,
          scopes: residents.scopes,
          redirectUri: new URL(
            `${bootstrap.base}inloggen/terug`,
            window.location.origin,
          ).toString(),
        }
      : null;
  return { available: Boolean(residents), demo: Boolean(residents?.demo), oidc };
}
