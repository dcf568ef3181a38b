import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

import { loadSession, saveSession, type Audience, type Session } from '../auth/session';
import { SessionContext, type SessionEnd, type SessionState } from './contexts';

/** Renew this long before the token ends. */
const RENEW_BEFORE_MS = 60_000;
/** setTimeout cannot wait longer than this. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface SessionProviderProps {
  tenant: string;
  audience: Audience;
  children: ReactNode;
}

/**
 * Holds the login session of one tenant, stores it for the tab, and ends it on time: shortly
 * before the token expires it is renewed where the login allows (a refresh token), otherwise
 * it ends and the next page asks to log in again, saying why.
 */
export function SessionProvider({ tenant, audience, children }: SessionProviderProps) {
  const [initial] = useState(() => loadSession(tenant, audience));
  const [session, setSession] = useState<Session | null>(initial.session);
  const [ended, setEnded] = useState<SessionEnd>(initial.expired ? 'expired' : null);
  const renewer = useRef<(() => Promise<Session | null>) | null>(null);

  const change = useCallback(
    (next: Session | null, end: SessionEnd) => {
      saveSession(tenant, audience, next);
      setSession(next);
      setEnded(end);
    },
    [tenant, audience],
  );

  useEffect(() => {
    if (!session) return undefined;
    let cancelled = false;
    const untilEnd = session.expiresAt - Date.now();
    const endTimer = setTimeout(
      () => change(null, 'expired'),
      Math.min(Math.max(untilEnd, 0), MAX_DELAY_MS),
    );
    const renewTimer = setTimeout(
      () => {
        const renew = renewer.current;
        if (!renew) return;
        renew()
          .then((fresh) => {
            if (!cancelled && fresh) change(fresh, null);
          })
          .catch(() => undefined);
      },
      Math.min(Math.max(untilEnd - RENEW_BEFORE_MS, 0), MAX_DELAY_MS),
    );
    return () => {
      cancelled = true;
      clearTimeout(endTimer);
      clearTimeout(renewTimer);
    };
  }, [session, change]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      ended,
      signIn: (next) => change(next, null),
      signOut: () => change(null, 'logged-out'),
      expire: () => change(null, 'expired'),
      setRenewer: (renew) => {
        renewer.current = renew;
      },
    }),
    [session, ended, change],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
