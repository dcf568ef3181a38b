import { useContext } from 'react';

import { LocaleContext, type LocaleState } from '../app/contexts';

/** The language the app shows, and a way to change it. */
export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
