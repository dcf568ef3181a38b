import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/portal.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';

import { LocaleProvider } from './app/LocaleProvider';
import { readBootstrap } from './bootstrap';
import { routes } from './routes/routes';

const bootstrap = readBootstrap();
const basename = bootstrap.base.length > 1 ? bootstrap.base.replace(/\/$/, '') : '/';
const router = createBrowserRouter(routes(bootstrap), { basename });
const root = document.getElementById('root');

if (root) {
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </StrictMode>,
  );
}
