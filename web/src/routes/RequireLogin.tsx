import { Navigate, Outlet, useLocation } from 'react-router';

import { useSection } from '../hooks/useSection';
import { useSession } from '../hooks/useSession';

/**
 * Pages behind a login: without a session, the section's login page, which brings you back
 * here.
 */
export function RequireLogin() {
  const { session } = useSession();
  const section = useSection();
  const location = useLocation();
  if (!session) {
    const back = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`${section.login}?terug=${back}`} replace />;
  }
  return <Outlet />;
}
