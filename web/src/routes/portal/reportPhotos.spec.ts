import {
  MAX_PHOTOS,
  localRefusal,
  photoIds,
  photosReducer,
  uploadPhoto,
  type ChosenPhoto,
} from './reportPhotos';

const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('photosReducer', () => {
  it('follows a photo from chosen to added, keeps the order, and forgets a removed one', () => {
    let photos: ChosenPhoto[] = [];
    photos = photosReducer(photos, { type: 'chosen', key: 'a', name: 'a.jpg' });
    photos = photosReducer(photos, { type: 'chosen', key: 'b', name: 'b.png' });
    expect(photos.map((p) => p.status)).toEqual(['uploading', 'uploading']);
    photos = photosReducer(photos, { type: 'preview', key: 'a', preview: 'data:image/jpeg;x' });
    photos = photosReducer(photos, { type: 'uploaded', key: 'b', id: 'id-b' });
    photos = photosReducer(photos, { type: 'uploaded', key: 'a', id: 'id-a' });
    expect(photos[0]).toEqual({
      key: 'a',
      name: 'a.jpg',
      status: 'added',
      preview: 'data:image/jpeg;x',
      id: 'id-a',
    });
    expect(photoIds(photos)).toEqual(['id-a', 'id-b']);
    photos = photosReducer(photos, { type: 'removed', key: 'a' });
    expect(photoIds(photos)).toEqual(['id-b']);
  });

  it('keeps a refusal with its reason and sends none of a refused photo', () => {
    let photos: ChosenPhoto[] = [];
    photos = photosReducer(photos, { type: 'chosen', key: 'a', name: 'a.png' });
    const refusal = { kind: 'server', message: 'not a JPEG or PNG image' } as const;
    photos = photosReducer(photos, { type: 'refused', key: 'a', refusal });
    expect(photos).toEqual([{ key: 'a', name: 'a.png', status: 'refused', refusal }]);
    // A late answer for it changes nothing.
    photos = photosReducer(photos, { type: 'uploaded', key: 'a', id: 'late' });
    expect(photoIds(photos)).toEqual([]);
  });

  it('refuses a photo beyond the maximum, not counting refused ones', () => {
    let photos: ChosenPhoto[] = [];
    photos = photosReducer(photos, {
      type: 'chosen',
      key: 'x',
      name: 'x.gif',
      refusal: { kind: 'type' },
    });
    for (let i = 0; i < MAX_PHOTOS; i += 1) {
      photos = photosReducer(photos, { type: 'chosen', key: `p${i}`, name: `${i}.jpg` });
    }
    photos = photosReducer(photos, { type: 'chosen', key: 'more', name: 'more.jpg' });
    expect(photos.filter((p) => p.status === 'uploading')).toHaveLength(MAX_PHOTOS);
    expect(photos.at(-1)).toMatchObject({ status: 'refused', refusal: { kind: 'tooMany' } });
  });
});

describe('localRefusal', () => {
  it('takes JPEG and PNG and refuses other types before sending', () => {
    expect(localRefusal({ type: 'image/jpeg' })).toBeUndefined();
    expect(localRefusal({ type: 'image/png' })).toBeUndefined();
    expect(localRefusal({ type: 'image/heic' })).toEqual({ kind: 'type' });
    expect(localRefusal({ type: '' })).toEqual({ kind: 'type' });
  });
});

describe('uploadPhoto', () => {
  it('sends the image as the body, with the tenant when no one is logged in', async () => {
    const { fetcher, calls } = answering(201, {
      photo: '0193b0d4-0000-7000-8000-000000000001',
      contentType: 'image/jpeg',
      bytes: 3,
    });
    const outcome = await uploadPhoto(jpeg, { tenant: 'enschede', token: null }, fetcher);
    expect(outcome).toEqual({ ok: true, id: '0193b0d4-0000-7000-8000-000000000001' });
    expect(calls[0]?.url).toBe('/reports/photos');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.body).toBe(jpeg);
    expect(calls[0]?.init?.headers).toEqual({
      'Content-Type': 'image/jpeg',
      'Loket-Tenant': 'enschede',
    });
  });

  it("sends a logged-in resident's token instead", async () => {
    const { fetcher, calls } = answering(201, { photo: 'p1' });
    await uploadPhoto(jpeg, { tenant: 'enschede', token: 'jwt' }, fetcher);
    expect(calls[0]?.init?.headers).toEqual({
      'Content-Type': 'image/jpeg',
      Authorization: 'Bearer jwt',
    });
  });

  it("gives Loket's reason for a refusal", async () => {
    const { fetcher } = answering(415, {
      errors: [
        {
          message: 'the photo is not a JPEG or PNG image',
          extensions: { code: 'BAD_USER_INPUT', field: 'photo' },
        },
      ],
    });
    expect(await uploadPhoto(jpeg, { tenant: 'enschede', token: null }, fetcher)).toEqual({
      ok: false,
      refusal: { kind: 'server', message: 'the photo is not a JPEG or PNG image' },
    });
  });

  it('says the photo could not be sent when Loket cannot be reached or answers oddly', async () => {
    const unreachable = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await uploadPhoto(jpeg, { tenant: 'enschede', token: null }, unreachable)).toEqual({
      ok: false,
      refusal: { kind: 'network' },
    });
    const { fetcher } = answering(502, 'Bad gateway');
    expect(await uploadPhoto(jpeg, { tenant: 'enschede', token: null }, fetcher)).toEqual({
      ok: false,
      refusal: { kind: 'network' },
    });
  });
});
