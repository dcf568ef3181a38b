/** Where to go after logging in: a path inside the app, never another site. */
export function returnPath(value: string | null, fallback: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : fallback;
}
