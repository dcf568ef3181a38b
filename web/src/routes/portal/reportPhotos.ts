// Photos chosen for a report: each is sent to Loket on its own (`POST /reports/photos`) as
// soon as it is chosen, and the report names the ids Loket gave. What the form shows of
// them, a photo at a time, is the state kept here.

/** How many photos a report may carry (Loket refuses more). */
export const MAX_PHOTOS = 3;

/** The image types Loket takes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/** Why a chosen photo is not with the report: Loket's reason, or one of ours. */
export type PhotoRefusal =
  | { kind: 'server'; message: string }
  | { kind: 'type' }
  | { kind: 'tooMany' }
  | { kind: 'network' };

export type ChosenPhoto =
  | { key: string; name: string; status: 'uploading'; preview: string | null }
  | { key: string; name: string; status: 'added'; preview: string | null; id: string }
  | { key: string; name: string; status: 'refused'; refusal: PhotoRefusal };

export type PhotosAction =
  | { type: 'chosen'; key: string; name: string; refusal?: PhotoRefusal }
  | { type: 'preview'; key: string; preview: string }
  | { type: 'uploaded'; key: string; id: string }
  | { type: 'refused'; key: string; refusal: PhotoRefusal }
  | { type: 'removed'; key: string };

/** The photos that count against the maximum: those on their way and those added. */
export function taken(photos: readonly ChosenPhoto[]): number {
  return photos.filter((p) => p.status !== 'refused').length;
}

/** The ids to name in `fileReport`'s `photos`, in the order they were chosen. */
export function photoIds(photos: readonly ChosenPhoto[]): string[] {
  return photos.flatMap((p) => (p.status === 'added' ? [p.id] : []));
}

/** The state of the chosen photos after `action`. */
export function photosReducer(photos: ChosenPhoto[], action: PhotosAction): ChosenPhoto[] {
  switch (action.type) {
    case 'chosen': {
      const { key, name, refusal } = action;
      if (refusal) return [...photos, { key, name, status: 'refused', refusal }];
      if (taken(photos) >= MAX_PHOTOS) {
        return [...photos, { key, name, status: 'refused', refusal: { kind: 'tooMany' } }];
      }
      return [...photos, { key, name, status: 'uploading', preview: null }];
    }
    case 'preview':
      return photos.map((p) =>
        p.key === action.key && p.status !== 'refused' ? { ...p, preview: action.preview } : p,
      );
    case 'uploaded':
      return photos.map((p) =>
        p.key === action.key && p.status === 'uploading'
          ? { key: p.key, name: p.name, status: 'added', preview: p.preview, id: action.id }
          : p,
      );
    case 'refused':
      return photos.map((p) =>
        p.key === action.key && p.status === 'uploading'
          ? { key: p.key, name: p.name, status: 'refused', refusal: action.refusal }
          : p,
      );
    case 'removed':
      return photos.filter((p) => p.key !== action.key);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** Why a file cannot be sent at all, before asking Loket; none when it may be. */
export function localRefusal(file: Pick<File, 'type'>): PhotoRefusal | undefined {
  return (PHOTO_TYPES as readonly string[]).includes(file.type) ? undefined : { kind: 'type' };
}

/** Who sends: a resident's token, or, without login, the tenant. */
export interface Sender {
  tenant: string;
  token: string | null;
}

export type UploadOutcome = { ok: true; id: string } | { ok: false; refusal: PhotoRefusal };

/** The first error message of Loket's JSON error answer, if it has one. */
function serverMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const message = (errors[0] as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Sends one photo to Loket; its id, or why it was not taken. */
export async function uploadPhoto(
  file: Blob,
  sender: Sender,
  fetcher: typeof fetch = fetch,
): Promise<UploadOutcome> {
  const headers: Record<string, string> = { 'Content-Type': file.type };
  if (sender.token) headers['Authorization'] = `Bearer ${sender.token}`;
  else headers['Loket-Tenant'] = sender.tenant;
  let response: Response;
  try {
    response = await fetcher('/reports/photos', { method: 'POST', headers, body: file });
  } catch {
    return { ok: false, refusal: { kind: 'network' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const id = (body as { photo?: unknown } | null)?.photo;
    if (typeof id === 'string') return { ok: true, id };
    return { ok: false, refusal: { kind: 'network' } };
  }
  const message = serverMessage(body);
  return {
    ok: false,
    refusal: message ? { kind: 'server', message } : { kind: 'network' },
  };
}
