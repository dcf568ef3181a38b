// The app's routes. Each municipality's app lives under its base path; the residents'
// portal is its main section, and the staff console a section of its own under
// `medewerker/`, loaded only when opened (the same providers, theme and error screens, its
// own login). Every page but the portal's start page is loaded when first visited, so the
// first page stays small and the console's code never reaches residents.
import type { RouteObject } from 'react-router';

import type { Bootstrap } from '../bootstrap';
import { LandingPage } from './portal/LandingPage';
import { PortalRoot } from './portal/PortalRoot';
import { RequireLogin } from './RequireLogin';
import { RouteError } from './RouteError';
import { NotFoundPage } from './NotFoundPage';
import { TenantChooser } from './TenantChooser';

/** A page of the console, loaded when first visited. */
function consolePage(path: string | undefined, load: () => Promise<RouteObject['Component']>) {
  return {
    ...(path === undefined ? { index: true as const } : { path }),
    lazy: async () => ({ Component: await load() }),
  };
}

function consoleRoutes(bootstrap: Bootstrap): RouteObject {
  return {
    path: '/medewerker',
    lazy: async () => {
      const { ConsoleRoot } = await import('./console/ConsoleRoot');
      return { element: <ConsoleRoot bootstrap={bootstrap} /> };
    },
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          consolePage('inloggen', () =>
            import('./console/ConsoleLoginPage').then((m) => m.ConsoleLoginPage),
          ),
          consolePage('inloggen/terug', () =>
            import('./LoginCallbackPage').then((m) => m.LoginCallbackPage),
          ),
          {
            element: <RequireLogin />,
            children: [
              consolePage(undefined, () =>
                import('./console/ConsoleHome').then((m) => m.ConsoleHome),
              ),
              consolePage('inwoners', () =>
                import('./console/FindResidentPage').then((m) => m.FindResidentPage),
              ),
              consolePage('inwoner', () =>
                import('./console/ResidentPage').then((m) => m.ResidentPage),
              ),
              consolePage('werkvoorraad', () =>
                import('./console/WorkQueuePage').then((m) => m.WorkQueuePage),
              ),
              consolePage('zaken/:reference', () =>
                import('./console/StaffCasePage').then((m) => m.StaffCasePage),
              ),
              consolePage('terugbellen', () =>
                import('./console/CallbacksPage').then((m) => m.CallbacksPage),
              ),
              consolePage('balie', () =>
                import('./console/CounterPage').then((m) => m.CounterPage),
              ),
              consolePage('rapportage', () =>
                import('./console/dashboard/DashboardPage').then((m) => m.DashboardPage),
              ),
              consolePage('zoekrapport', () =>
                import('./console/dashboard/SearchReportPage').then((m) => m.SearchReportPage),
              ),
              consolePage('catalogus', () =>
                import('./console/admin/CataloguePage').then((m) => m.CataloguePage),
              ),
              consolePage('catalogus/nieuw', () =>
                import('./console/admin/ProductEditPage').then((m) => m.ProductEditPage),
              ),
              consolePage('catalogus/product/:code', () =>
                import('./console/admin/ProductEditPage').then((m) => m.ProductEditPage),
              ),
              consolePage('berichten', () =>
                import('./console/admin/DeliveriesPage').then((m) => m.DeliveriesPage),
              ),
              consolePage('verwerkingen', () =>
                import('./console/admin/ProcessingLogPage').then((m) => m.ProcessingLogPage),
              ),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  };
}

export function routes(bootstrap: Bootstrap): RouteObject[] {
  if (!bootstrap.tenant) {
    return [
      { path: '/', element: <TenantChooser tenants={bootstrap.tenants} /> },
      { path: '*', element: <TenantChooser tenants={bootstrap.tenants} notFound /> },
    ];
  }
  return [
    consoleRoutes(bootstrap),
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
              path: 'afspraak/annuleren',
              lazy: () =>
                import('./portal/CancelAppointmentPage').then((m) => ({
                  Component: m.CancelAppointmentPage,
                })),
            },
            {
              path: 'melding',
              lazy: () => import('./portal/ReportPage').then((m) => ({ Component: m.ReportPage })),
            },
            {
              path: 'melding/tevredenheid',
              lazy: () =>
                import('./portal/ReportSurveyPage').then((m) => ({
                  Component: m.ReportSurveyPage,
                })),
            },
            {
              path: 'inloggen/demo',
              lazy: () =>
                import('./portal/DemoLoginPage').then((m) => ({ Component: m.DemoLoginPage })),
            },
            {
              path: 'inloggen/terug',
              lazy: () =>
                import('./LoginCallbackPage').then((m) => ({
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
                  path: 'afspraak',
                  lazy: () =>
                    import('./portal/AppointmentPage').then((m) => ({
                      Component: m.AppointmentPage,
                    })),
                },
                {
                  path: 'mijn/afspraken',
                  lazy: () =>
                    import('./portal/AppointmentsPage').then((m) => ({
                      Component: m.AppointmentsPage,
                    })),
                },
                {
                  path: 'mijn/meldingen',
                  lazy: () =>
                    import('./portal/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
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
