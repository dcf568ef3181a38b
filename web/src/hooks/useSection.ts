import { useContext } from 'react';

import { SectionContext, type SectionState } from '../app/contexts';

/** The section the page belongs to: the residents' portal or the staff console. */
export function useSection(): SectionState {
  return useContext(SectionContext);
}
