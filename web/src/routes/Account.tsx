import { FormattedMessage } from 'react-intl';
import { useNavigate } from 'react-router';

import { forget } from '../auth/oidc';
import { RouterLink } from '../components/RouterLink';
import { useLoginMethod } from '../hooks/useLoginMethod';
import { useSection } from '../hooks/useSection';
import { useSession } from '../hooks/useSession';

/** Log out, or the link to the section's login page. */
export function Account() {
  const { session, signOut } = useSession();
  const login = useLoginMethod();
  const section = useSection();
  const navigate = useNavigate();
  if (session) {
    return (
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action loket-account"
        onClick={() => {
          const settings = login.oidc;
          signOut();
          if (session.method === 'oidc' && settings) void forget(settings);
          void navigate(section.home);
        }}
      >
        <FormattedMessage
          id="account.logout"
          defaultMessage="Uitloggen"
          description="Log-out button"
        />
      </button>
    );
  }
  if (!login.available) return null;
  return (
    <RouterLink to={section.login} className="loket-account">
      <FormattedMessage
        id="account.login"
        defaultMessage="Inloggen"
        description="Log-in link in the header"
      />
    </RouterLink>
  );
}
