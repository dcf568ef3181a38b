import { Button } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';

import { ErrorMessage } from '../../../components/ErrorMessage';
import { NetworkError } from '../../../errors';
import { useSession } from '../../../hooks/useSession';

export interface DownloadButtonProps {
  /** The button's text. */
  children: ReactNode;
  /** Fetches the file with the session's token and hands it to the browser. */
  download: (token: string) => Promise<void>;
  /** What failed, for the error shown when it does. */
  what: string;
}

/** A button that downloads a report file, saying so when it could not. */
export function DownloadButton({ children, download, what }: DownloadButtonProps) {
  const { session } = useSession();
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed && <ErrorMessage error={new NetworkError(what)} />}
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={() => {
          if (!session) return;
          setFailed(false);
          download(session.token).catch(() => setFailed(true));
        }}
      >
        {children}
      </Button>
    </>
  );
}
