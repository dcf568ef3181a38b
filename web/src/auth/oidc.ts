// OpenID Connect login (authorization code with PKCE) with oidc-client-ts, loaded only when
// someone logs in, so that the first page stays small. The provider is the issuer the
// municipality configures; Loket verifies the access token it issues.
import type { User, UserManager } from 'oidc-client-ts';

import { sessionFor, type Session } from './session';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: readonly string[];
  /** Absolute URL of the app's callback page. */
  redirectUri: string;
}

const managers = new Map<string, Promise<UserManager>>();

function manager(settings: OidcSettings): Promise<UserManager> {
  const id = `${settings.issuer} ${settings.clientId} ${settings.redirectUri}`;
  let found = managers.get(id);
  if (!found) {
    found = import('oidc-client-ts').then(
      ({ UserManager, WebStorageStateStore }) =>
        new UserManager({
          authority: settings.issuer,
          client_id: settings.clientId,
          redirect_uri: settings.redirectUri,
          response_type: 'code',
          scope: settings.scopes.join(' '),
          // Renewal is driven by the app (see SessionProvider), with a refresh token only:
          // no hidden iframes, which the Content-Security-Policy does not allow.
          automaticSilentRenew: false,
          userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        }),
    );
    managers.set(id, found);
  }
  return found;
}

function toSession(user: User): Session {
  return sessionFor(user.access_token, 'oidc', (user.expires_at ?? 0) * 1000);
}

/** Sends the browser to the provider; it comes back to the callback page. */
export async function startLogin(settings: OidcSettings, returnTo: string): Promise<void> {
  const users = await manager(settings);
  await users.signinRedirect({ state: { returnTo } });
}

/** Finishes the login on the callback page. */
export async function completeLogin(
  settings: OidcSettings,
): Promise<{ session: Session; returnTo: string }> {
  const users = await manager(settings);
  const user = await users.signinRedirectCallback();
  const state = user.state as { returnTo?: unknown } | undefined;
  return {
    session: toSession(user),
    returnTo: typeof state?.returnTo === 'string' ? state.returnTo : '/',
  };
}

/** A fresh session with the refresh token, or null where the provider gave none. */
export async function renew(settings: OidcSettings): Promise<Session | null> {
  const users = await manager(settings);
  const user = await users.getUser();
  if (!user?.refresh_token) return null;
  const fresh = await users.signinSilent();
  return fresh ? toSession(fresh) : null;
}

/** Forgets the provider's tokens in this tab. */
export async function forget(settings: OidcSettings): Promise<void> {
  const users = await manager(settings);
  await users.removeUser();
}
