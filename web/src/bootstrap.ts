// What the server tells the app before its first request, as data- attributes on <html>
// (the Content-Security-Policy allows no inline script): the tenant, the base path the app
// lives under, the municipality's name and logo, and, where the host belongs to no
// municipality, the list to choose from.

export interface TenantEntry {
  slug: string;
  name: string;
}

export interface Bootstrap {
  /** The tenant slug, or null on the list of municipalities. */
  tenant: string | null;
  /** Where the app lives: `/` on the municipality's own host, `/<tenant>/` otherwise. */
  base: string;
  /** The municipality's name. */
  name: string;
  /** The logo's URL, if there is one. */
  logo: string | null;
  /** The municipalities to choose from (only without a tenant). */
  tenants: TenantEntry[];
}

function isTenantEntry(value: unknown): value is TenantEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry['slug'] === 'string' && typeof entry['name'] === 'string';
}

function readTenants(doc: Document): TenantEntry[] {
  const text = doc.getElementById('loket-tenants')?.textContent;
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isTenantEntry) : [];
  } catch {
    return [];
  }
}

/**
 * Reads the server's data. Under Vite's development server there is none: the first path
 * segment names the tenant then, and its theme is linked here.
 */
export function readBootstrap(doc: Document = document): Bootstrap {
  const root = doc.documentElement;
  const tenant = root.dataset['loketTenant'];
  if (tenant !== undefined) {
    return {
      tenant: tenant === '' ? null : tenant,
      base: root.dataset['loketBase'] ?? '/',
      name: root.dataset['loketName'] ?? '',
      logo: root.dataset['loketLogo'] ?? null,
      tenants: readTenants(doc),
    };
  }
  const segment = doc.location.pathname.split('/')[1] ?? '';
  if (segment !== '') {
    root.classList.add('utrecht-theme', 'loket-theme');
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/_theme/${segment}/theme.css`;
    doc.head.append(link);
  }
  return {
    tenant: segment === '' ? null : segment,
    base: segment === '' ? '/' : `/${segment}/`,
    name: '',
    logo: null,
    tenants: [],
  };
}
