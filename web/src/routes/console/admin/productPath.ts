/** A product's page in the console's catalogue editing. */
export function productPath(code: string): string {
  return `/medewerker/catalogus/product/${encodeURIComponent(code)}`;
}
