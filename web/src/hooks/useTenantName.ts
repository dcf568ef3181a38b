import { useContext } from 'react';

import { TenantContext } from '../app/contexts';

/** The municipality's name where one is known (outside a tenant: none). */
export function useTenantName(): string | null {
  const state = useContext(TenantContext);
  return state?.tenant.name ?? null;
}
