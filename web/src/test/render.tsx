// Rendering helpers for unit tests: the app's Dutch texts and Amsterdam time, and, where a
// component talks to Loket, an urql client that answers from a table of results.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router';
import { Provider, type Client } from 'urql';

import { dutch } from '../i18n/locales';

export function Intl({ children }: { children: ReactNode }) {
  return (
    <IntlProvider locale="nl" defaultLocale="nl" messages={dutch} timeZone="Europe/Amsterdam">
      {children}
    </IntlProvider>
  );
}

export function renderWithIntl(ui: ReactElement): RenderResult {
  return render(<Intl>{ui}</Intl>);
}

export function renderWithRouter(ui: ReactElement, path = '/'): RenderResult {
  return render(
    <Intl>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </Intl>,
  );
}

export function renderWithClient(ui: ReactElement, client: Client, path = '/'): RenderResult {
  return render(
    <Intl>
      <Provider value={client}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </Provider>
    </Intl>,
  );
}
