/**
 * The resident page's path. The citizen service number travels in the navigation's state,
 * never in the URL, so it stays out of server logs and the browser's history.
 */
export function residentPath(): string {
  return '/medewerker/inwoner';
}

/** The citizen service number a navigation carried, if any. */
export function bsnFromState(state: unknown): string | null {
  const bsn = (state as { bsn?: unknown } | null)?.bsn;
  return typeof bsn === 'string' && bsn !== '' ? bsn : null;
}
