import { useContext } from 'react';

import { SessionContext, type SessionState } from '../app/contexts';

/** The login session (see SessionProvider). */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
