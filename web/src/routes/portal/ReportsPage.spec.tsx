import { screen } from '@testing-library/react';

import { answeringClient, type Asked } from '../../test/client';
import { renderWithClient } from '../../test/render';
import { ReportsPage } from './ReportsPage';

const report = (reference: string) => ({
  __typename: 'Report',
  reference,
  category: { __typename: 'ReportCategory', name: 'Losse of kapotte bestrating' },
  status: { __typename: 'ReportStatus', name: 'In behandeling', explanation: null },
  createdAt: '2026-12-01T09:00:00Z',
  expectedBy: '2026-12-15',
  closedAt: null,
  outcome: null,
});

/** Two pages: the first (no cursor) with a next page, the second (`c1`) without. */
function answer({ variables }: Asked) {
  const first = variables['after'] == null;
  return {
    data: {
      me: {
        __typename: 'Me',
        reports: {
          __typename: 'ReportConnection',
          nodes: [report(first ? 'ENS-2026-000002' : 'ENS-2026-000001')],
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage: first,
            endCursor: first ? 'c1' : 'c2',
          },
        },
      },
    },
  };
}

describe('ReportsPage', () => {
  it('links to the next page by its cursor, a page at a time', async () => {
    const { client, asked } = answeringClient(answer);
    renderWithClient(<ReportsPage />, client, '/mijn/meldingen');
    expect(await screen.findByText('ENS-2026-000002', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Volgende pagina' })).toHaveAttribute(
      'href',
      '/mijn/meldingen?na=c1',
    );
    expect(screen.queryByRole('link', { name: 'Eerste pagina' })).not.toBeInTheDocument();
    expect(asked[0]?.variables).toEqual({ first: 20, after: null });
  });

  it('reads the page the URL names, and links back to the first', async () => {
    const { client, asked } = answeringClient(answer);
    renderWithClient(<ReportsPage />, client, '/mijn/meldingen?na=c1');
    expect(await screen.findByText('ENS-2026-000001', { exact: false })).toBeInTheDocument();
    expect(asked[0]?.variables).toEqual({ first: 20, after: 'c1' });
    expect(screen.getByRole('link', { name: 'Eerste pagina' })).toHaveAttribute(
      'href',
      '/mijn/meldingen',
    );
    expect(screen.queryByRole('link', { name: 'Volgende pagina' })).not.toBeInTheDocument();
  });
});
