// Images shown in the page from bytes the app holds: a resident's own photo before it is
// sent, or a photo only a bearer token may fetch. The Content-Security-Policy lets images
// come from Loket itself and from `data:` only, so they become `data:` URLs (a `blob:` URL
// would not load).

/** The image as a `data:` URL of its type. */
export function dataUrl(blob: Blob): Promise<string> {
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result));
    reader.onerror = () => fail(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The image at `url` (on Loket, which wants the bearer token for it) as a `data:` URL; an
 * error when Loket does not give it.
 */
export async function protectedImage(
  url: string,
  token: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<string> {
  const response = await fetcher(url, {
    headers: { authorization: `Bearer ${token}` },
    signal,
  });
  if (!response.ok) throw new Error(`the image answered ${response.status}`);
  const blob = await response.blob();
  if (!blob.type.startsWith('image/')) throw new Error(`not an image: ${blob.type}`);
  return dataUrl(blob);
}
