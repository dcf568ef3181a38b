import type { SectionState } from '../../app/contexts';

/** The staff console's pages, under `medewerker/`. */
export const CONSOLE_SECTION: SectionState = {
  audience: 'staff',
  home: '/medewerker',
  login: '/medewerker/inloggen',
  afterLogin: '/medewerker',
};
