import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, type CombinedError } from 'urql';

import { sessionFor } from '../auth/session';
import { graphql } from '../gql';
import { useSession } from './useSession';

const DemoLoginMutation = graphql(`
  mutation DemoLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);

export interface DemoLogin {
  /** Logs in as the demo resident or demo role with this id, then goes to `back`. */
  logIn: (id: string) => void;
  /** The id being logged in as. */
  busy: string | null;
  error: CombinedError | null;
}

/** The demo login (`demoLogin`), for a demo resident in the portal or a role in the console. */
export function useDemoLogin(back: string): DemoLogin {
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [, demoLogin] = useMutation(DemoLoginMutation);
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  return {
    busy,
    error,
    logIn: (id) => {
      if (busy) return;
      setBusy(id);
      setError(null);
      void demoLogin({ input: { persona: id } }).then((result) => {
        setBusy(null);
        const payload = result.data?.demoLogin;
        if (payload) {
          signIn(sessionFor(payload.token, 'demo', Date.parse(payload.expiresAt)));
          void navigate(back, { replace: true });
        } else if (result.error) {
          setError(result.error);
        }
      });
    },
  };
}
