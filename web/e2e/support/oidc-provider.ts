// A real OpenID Connect provider (the `oidc-provider` package) as one municipality's login
// provider in the end-to-end tests: authorization code with PKCE for the portal as a public
// client, RS256 JWT access tokens for Loket with the claims it needs (tenant, roles, bsn,
// loa), its keys published at /jwks for Loket's `jwks_url`. Its development login screens
// accept any login name: the tests log in with a resident's BSN in the portal's client, and
// with a role name (an employee of that role) in the console's. Access tokens last 75
// seconds, so that the portal's renewal (a minute before the end) happens within a test.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { Provider } from 'oidc-provider';

/** How long an access token lasts. */
export const ACCESS_TOKEN_SECONDS = 75;

export interface ProviderOptions {
  port: number;
  tenant: string;
  audience: string;
  clientId: string;
  redirectUris: string[];
  /** The staff console's client. */
  staffClientId: string;
  staffRedirectUris: string[];
}

export interface RunningProvider {
  issuer: string;
  close: () => Promise<void>;
}

export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'e2e-rs256-1',
    alg: 'RS256',
    use: 'sig',
  };
  const resource = `urn:loket:${options.tenant}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      {
        client_id: options.staffClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.staffRedirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: ['loket-e2e-cookie-key'] },
    routes: { jwks: '/jwks' },
    scopes: ['openid', 'offline_access'],
    pkce: { required: () => true },
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      RefreshToken: 3600,
      Session: 3600,
      Grant: 3600,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid offline_access',
          audience: options.audience,
          accessTokenTTL: ACCESS_TOKEN_SECONDS,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    clientBasedCORS: () => true,
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    extraTokenClaims: (_ctx, token) => {
      const { accountId, clientId } = token as { accountId?: string; clientId?: string };
      if (!accountId) return undefined;
      return clientId === options.staffClientId
        ? { tenant: options.tenant, roles: [accountId] }
        : { tenant: options.tenant, roles: ['citizen'], bsn: accountId, loa: 'substantial' };
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
