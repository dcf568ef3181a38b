// A login session: the bearer token Loket accepts, when it expires, and how it was obtained.
// Kept in sessionStorage per tenant and audience (the residents' portal and the staff
// console log in separately), so that it ends with the browser tab.

export const LOGIN_METHODS = ['demo', 'oidc'] as const;
export type LoginMethodKind = (typeof LOGIN_METHODS)[number];

export interface Session {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  method: LoginMethodKind;
}

/** Who logs in: residents in the portal, municipal staff in the console. */
export type Audience = 'residents' | 'staff';

const key = (tenant: string, audience: Audience) =>
  audience === 'residents' ? `loket:${tenant}:session` : `loket:${tenant}:${audience}:session`;

/** The `exp` of a JWT in milliseconds, without verifying it (Loket does that). */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    const exp = (claims as Record<string, unknown> | null)?.['exp'];
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s['token'] === 'string' &&
    typeof s['expiresAt'] === 'number' &&
    (LOGIN_METHODS as readonly unknown[]).includes(s['method'])
  );
}

/** The stored session, if there is one; an expired one is reported as such. */
export function loadSession(
  tenant: string,
  audience: Audience,
): { session: Session | null; expired: boolean } {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(sessionStorage.getItem(key(tenant, audience)) ?? 'null');
  } catch {
    parsed = null;
  }
  if (!isSession(parsed)) return { session: null, expired: false };
  if (parsed.expiresAt <= Date.now()) {
    sessionStorage.removeItem(key(tenant, audience));
    return { session: null, expired: true };
  }
  return { session: parsed, expired: false };
}

export function saveSession(tenant: string, audience: Audience, session: Session | null): void {
  if (session) sessionStorage.setItem(key(tenant, audience), JSON.stringify(session));
  else sessionStorage.removeItem(key(tenant, audience));
}

/** A session for a token, taking the expiry from the token where it has one. */
export function sessionFor(token: string, method: LoginMethodKind, expiresAt?: number): Session {
  return { token, method, expiresAt: tokenExpiry(token) ?? expiresAt ?? Date.now() + 3_600_000 };
}
