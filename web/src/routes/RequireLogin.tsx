import { Navigate, Outlet, useLocation } from 'react-router';

import { useSession } from '../../hooks/useSession';

/** Pages behind a login: without a session, the login page, which brings you back here. */
export function RequireLogin() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const back = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/inloggen?terug=${back}`} replace />;
  }
  return <Outlet />;
}
