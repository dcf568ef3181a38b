// The app's routes. Each municipality's app lives under its base path; the residents'
// portal is its main section, and the staff console can be added beside it as a section of
// its own, loaded only when opened (`medewerker/*`, with the same providers, login, theme and
// error screens). Every page but the start page is loaded when first visited, so the first
// page stays small.
import type { RouteObject } from 'react-router';

import type { Bootstrap } from '../bootstrap';
import { LandingPage } from './portal/LandingPage';
import { PortalRoot } from './portal/PortalRoot';
import { RequireLogin } from './portal/RequireLogin';
import { RouteError } from './RouteError';
import { NotFoundPage } from './NotFoundPage';
import { TenantChooser } from './TenantChooser';

export function routes(bootstrap: Bootstrap): RouteObject[] {
  if (!bootstrap.tenant) {
    return [
      { path: '/', element: <TenantChooser tenants={bootstrap.tenants} /> },
      { path: '*', element: <TenantChooser tenants={bootstrap.tenants} notFound /> },
    ];
  }
  return [
    {
      path: '/',
      element: <PortalRoot bootstrap={bootstrap} />,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            { index: true, element: <LandingPage /> },
            {
              path: 'producten/:code',
              lazy: () =>
                import('./portal/ProductPage').then((m) => ({ Component: m.ProductPage })),
            },
            {
              path: 'inloggen',
              lazy: () => import('./portal/LoginPage').then((m) => ({ Component: m.LoginPage })),
            },
            {
              path: 'inloggen/demo',
              lazy: () =>
                import('./portal/DemoLoginPage').then((m) => ({ Component: m.DemoLoginPage })),
            },
            {
              path: 'inloggen/terug',
              lazy: () =>
                import('./portal/LoginCallbackPage').then((m) => ({
                  Component: m.LoginCallbackPage,
                })),
            },
            {
              element: <RequireLogin />,
              children: [
                {
                  path: 'aanvragen',
                  lazy: () =>
                    import('./portal/RequestPage').then((m) => ({ Component: m.RequestPage })),
                },
                {
                  path: 'mijn/zaken',
                  lazy: () =>
                    import('./portal/CasesPage').then((m) => ({ Component: m.CasesPage })),
                },
                {
                  path: 'mijn/zaken/:reference',
                  lazy: () => import('./portal/CasePage').then((m) => ({ Component: m.CasePage })),
                },
                {
                  path: 'mijn/woz',
                  lazy: () =>
                    import('./portal/ValuationPage').then((m) => ({ Component: m.ValuationPage })),
                },
                {
                  path: 'mijn/berichten',
                  lazy: () =>
                    import('./portal/NotificationsPage').then((m) => ({
                      Component: m.NotificationsPage,
                    })),
                },
                {
                  path: 'mijn/contact',
                  lazy: () =>
                    import('./portal/ContactHistoryPage').then((m) => ({
                      Component: m.ContactHistoryPage,
                    })),
                },
                {
                  path: 'mijn/gegevens',
                  lazy: () =>
                    import('./portal/DetailsPage').then((m) => ({ Component: m.DetailsPage })),
                },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
