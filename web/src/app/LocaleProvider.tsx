import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';

import {
  DEFAULT_LOCALE,
  dutch,
  isPortalLocale,
  loadMessages,
  type Messages,
  type PortalLocale,
} from '../i18n/locales';
import { LocaleContext, type LocaleState } from './contexts';

const STORAGE_KEY = 'loket:locale';

function storedLocale(): PortalLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isPortalLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The app's texts in the chosen language (Dutch by default), dates in Amsterdam time, and
 * `<html lang>` kept in step. A choice is remembered in this browser.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<PortalLocale>(storedLocale);
  const [loaded, setLoaded] = useState<{ locale: PortalLocale; messages: Messages }>({
    locale: DEFAULT_LOCALE,
    messages: dutch,
  });

  useEffect(() => {
    let current = true;
    loadMessages(wanted)
      .then((messages) => {
        if (current) setLoaded({ locale: wanted, messages });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    document.documentElement.lang = loaded.locale;
  }, [loaded.locale]);

  const state = useMemo<LocaleState>(
    () => ({
      locale: loaded.locale,
      setLocale: (locale: string) => {
        if (!isPortalLocale(locale)) return;
        try {
          localStorage.setItem(STORAGE_KEY, locale);
        } catch {
          // Private windows may refuse storage; the choice then lasts for this page.
        }
        setWanted(locale);
      },
    }),
    [loaded.locale],
  );

  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider
        locale={loaded.locale}
        defaultLocale={DEFAULT_LOCALE}
        messages={loaded.messages}
        timeZone="Europe/Amsterdam"
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
