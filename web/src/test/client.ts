// An urql client for unit tests that answers each operation from a function of its name and
// variables, as Loket would over HTTP: `{ data }`, or `{ errors }` with `extensions.code`.
import { Client, fetchExchange } from 'urql';

export interface Answer {
  data?: unknown;
  errors?: { message: string; extensions: { code: string; field?: string } }[];
}

export interface Asked {
  operationName: string;
  variables: Record<string, unknown>;
}

/** A client whose every request is answered by `answer`; `asked` lists what was asked. */
export function answeringClient(answer: (asked: Asked) => Answer): {
  client: Client;
  asked: Asked[];
} {
  const asked: Asked[] = [];
  const client = new Client({
    url: 'http://loket.test/graphql',
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as {
        operationName?: string;
        variables?: Record<string, unknown>;
      };
      const question = {
        operationName: body.operationName ?? '',
        variables: body.variables ?? {},
      };
      asked.push(question);
      return new Response(JSON.stringify(answer(question)), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, asked };
}

/** Loket's refusal with `code` (and the input `field` at fault). */
export function refusal(code: string, message: string, field?: string): Answer {
  return { errors: [{ message, extensions: field ? { code, field } : { code } }] };
}
