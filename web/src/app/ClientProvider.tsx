import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';

import { createLoketClient } from '../client';
import { useSession } from '../hooks/useSession';
import { ReconnectContext, type ReconnectListener } from './contexts';

export interface ClientProviderProps {
  tenant: string;
  children: ReactNode;
}

/** The GraphQL client of the current session; a new login makes a new client. */
export function ClientProvider({ tenant, children }: ClientProviderProps) {
  const { session, expire } = useSession();
  const token = session?.token ?? null;
  const [listeners] = useState(() => new Set<ReconnectListener>());
  const loket = useMemo(
    () =>
      createLoketClient({
        tenant,
        token,
        onUnauthenticated: expire,
        onReconnect: () => listeners.forEach((listener) => listener()),
      }),
    [tenant, token, expire, listeners],
  );
  useEffect(() => loket.dispose, [loket]);
  const reconnect = useMemo(
    () => ({
      subscribe: (listener: ReconnectListener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    }),
    [listeners],
  );
  return (
    <ReconnectContext.Provider value={reconnect}>
      <Provider value={loket.client}>{children}</Provider>
    </ReconnectContext.Provider>
  );
}
