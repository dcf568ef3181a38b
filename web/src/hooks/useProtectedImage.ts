import { useEffect, useState } from 'react';

import { protectedImage } from '../images';

export interface ProtectedImage {
  /** The image to show, once fetched. */
  src: string | null;
  /** Loket did not give it. */
  failed: boolean;
}

/**
 * An image only a bearer token may fetch (a report's photo), fetched with the session's
 * token; the fetch is dropped when the component goes away.
 */
export function useProtectedImage(url: string, token: string | null): ProtectedImage {
  const [image, setImage] = useState<ProtectedImage & { for: string }>({
    for: '',
    src: null,
    failed: false,
  });
  const key = `${url} ${token ?? ''}`;
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    protectedImage(url, token, abort.signal).then(
      (src) => setImage({ for: key, src, failed: false }),
      () => {
        if (!abort.signal.aborted) setImage({ for: key, src: null, failed: true });
      },
    );
    return () => abort.abort();
  }, [url, token, key]);
  if (!token) return { src: null, failed: true };
  return image.for === key
    ? { src: image.src, failed: image.failed }
    : { src: null, failed: false };
}
