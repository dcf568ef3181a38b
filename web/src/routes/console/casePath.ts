/** A case's page in the console. */
export function casePath(reference: string): string {
  return `/medewerker/zaken/${encodeURIComponent(reference)}`;
}
