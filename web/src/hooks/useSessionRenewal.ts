import { useEffect } from 'react';

import { renew } from '../auth/oidc';
import { useLoginMethod } from './useLoginMethod';
import { useSession } from './useSession';

/** Lets an OpenID Connect session renew itself with its refresh token before it ends. */
export function useSessionRenewal(): void {
  const { session, setRenewer } = useSession();
  const oidc = useLoginMethod().oidc;
  useEffect(() => {
    setRenewer(session?.method === 'oidc' && oidc ? () => renew(oidc) : null);
  }, [session?.method, oidc?.issuer, oidc?.clientId, oidc?.redirectUri, setRenewer]); // eslint-disable-line react-hooks/exhaustive-deps
}
