// The GraphQL client: urql over HTTP for queries and mutations, graphql-ws for the live
// updates, both with the session's token (or, without one, the tenant named in the
// `Loket-Tenant` header / connection payload). A token Loket refuses ends the session.
import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';

import { UnauthenticatedError, loketErrors } from './errors';

export interface LoketClientOptions {
  tenant: string;
  token: string | null;
  /** Loket refused the token. */
  onUnauthenticated: () => void;
  /** The live connection came back after it was lost. */
  onReconnect: () => void;
  /** The GraphQL endpoint; by default /graphql on this origin. */
  url?: string;
}

export interface LoketClient {
  client: Client;
  dispose: () => void;
}

function websocketUrl(url: string): string {
  const absolute = new URL(url, window.location.href);
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:';
  return absolute.toString();
}

export function createLoketClient(options: LoketClientOptions): LoketClient {
  const { tenant, token, onUnauthenticated, onReconnect } = options;
  const url = options.url ?? '/graphql';
  const headers: Record<string, string> = { 'Loket-Tenant': tenant };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const live = createWsClient({
    url: websocketUrl(url),
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}`, tenant } : { tenant },
    retryAttempts: 30,
    shouldRetry: () => true,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) onReconnect();
      },
    },
  });
  const client = new Client({
    url,
    preferGetMethod: false,
    fetchOptions: { headers },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (token && loketErrors(error).some((e) => e instanceof UnauthenticatedError)) {
            onUnauthenticated();
          }
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = live.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void live.dispose() };
}
