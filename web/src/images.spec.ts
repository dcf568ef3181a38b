import { dataUrl, protectedImage } from './images';

const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

describe('dataUrl', () => {
  it('reads an image into a data: URL of its type', async () => {
    expect(await dataUrl(jpeg)).toBe('data:image/jpeg;base64,/9j/');
  });
});

describe('protectedImage', () => {
  it('fetches the image with the bearer token', async () => {
    const asked: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      asked.push({ url, init });
      return new Response(new Uint8Array([0xff, 0xd8, 0xff]), {
        headers: { 'content-type': 'image/jpeg' },
      });
    }) as typeof fetch;
    expect(await protectedImage('/reports/enschede/photos/p1', 'jwt', undefined, fetcher)).toBe(
      'data:image/jpeg;base64,/9j/',
    );
    expect(asked[0]?.url).toBe('/reports/enschede/photos/p1');
    expect(asked[0]?.init?.headers).toEqual({ authorization: 'Bearer jwt' });
  });

  it('fails when Loket does not give an image', async () => {
    const missing = (async () =>
      Response.json({ errors: [] }, { status: 404 })) as unknown as typeof fetch;
    await expect(protectedImage('/x', 'jwt', undefined, missing)).rejects.toThrow('404');
    const html = (async () =>
      new Response('<p>', { headers: { 'content-type': 'text/html' } })) as typeof fetch;
    await expect(protectedImage('/x', 'jwt', undefined, html)).rejects.toThrow('not an image');
  });
});
