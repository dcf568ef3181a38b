import { useContext } from 'react';

import { TenantContext, type TenantState } from '../app/contexts';

/** The municipality the app serves, as the API describes it (see TenantProvider). */
export function useTenant(): TenantState {
  const state = useContext(TenantContext);
  if (!state) throw new Error('useTenant outside TenantProvider');
  return state;
}
