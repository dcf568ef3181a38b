// The languages the portal has texts for. Dutch is the default and is bundled; the others
// load when chosen. A municipality offers those of its own languages that appear here.
import nl from './nl.json';

export const PORTAL_LOCALES = ['nl', 'en'] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];
export const DEFAULT_LOCALE: PortalLocale = 'nl';

export type Messages = Record<string, string>;

export function isPortalLocale(value: unknown): value is PortalLocale {
  return (PORTAL_LOCALES as readonly unknown[]).includes(value);
}

export function loadMessages(locale: PortalLocale): Promise<Messages> {
  switch (locale) {
    case 'nl':
      return Promise.resolve(nl);
    case 'en':
      return import('./en.json').then((m) => m.default);
    default: {
      const unreachable: never = locale;
      return unreachable;
    }
  }
}

export const dutch: Messages = nl;
