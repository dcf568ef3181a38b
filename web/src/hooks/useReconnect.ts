import { useContext, useEffect, useRef } from 'react';

import { ReconnectContext } from '../app/contexts';

/** Calls `listener` whenever the live connection comes back after an interruption. */
export function useReconnect(listener: () => void): void {
  const reconnect = useContext(ReconnectContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  }, [listener]);
  useEffect(() => reconnect?.subscribe(() => latest.current()), [reconnect]);
}
