import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Client } from 'urql';

import { SessionContext, type SessionState } from '../../app/contexts';
import { answeringClient, refusal } from '../../test/client';
import { renderWithClient } from '../../test/render';
import { ReportDetails, type ReportDetailsProps } from './ReportDetails';

const attributes = [{ code: 'gevaarlijk', question: 'Is het gevaarlijk?', value: 'ja' }];
const reporters = [
  {
    id: 'r1',
    loggedIn: false,
    name: 'A. Melder',
    email: 'melder@example.org',
    phone: null,
    joinedAt: '2026-12-01T09:00:00Z',
    satisfied: null,
    detailsRemoved: false,
  },
  {
    id: 'r2',
    loggedIn: true,
    name: null,
    email: null,
    phone: '0612345678',
    joinedAt: '2026-12-02T10:30:00Z',
    satisfied: false,
    detailsRemoved: false,
  },
];

const photo = {
  __typename: 'ReportPhoto',
  id: 'p1',
  createdAt: '2026-12-01T09:00:00Z',
  url: '/reports/enschede/photos/p1',
};

function client(reportersAnswer: 'visible' | 'forbidden', photos: unknown[] = []) {
  return answeringClient(({ operationName }) => {
    if (operationName === 'StaffReportAnswers') {
      return { data: { case: { __typename: 'Case', id: 'c1', attributes } } };
    }
    if (operationName === 'StaffReportPhotos') {
      return { data: { case: { __typename: 'Case', id: 'c1', photos } } };
    }
    return reportersAnswer === 'visible'
      ? { data: { case: { __typename: 'Case', id: 'c1', reporters } } }
      : { ...refusal('FORBIDDEN', 'not allowed: case/bestrating/reporters'), data: null };
  }).client;
}

const session = { session: { token: 'staff-jwt' } } as unknown as SessionState;

function renderDetails(ui: ReactElement<ReportDetailsProps>, answering: Client) {
  return renderWithClient(
    <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>,
    answering,
  );
}

// jsdom has <dialog> without its modal methods; these do what the page relies on.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});

describe('ReportDetails', () => {
  it('shows the place, the answers and who reported it', async () => {
    renderDetails(
      <ReportDetails
        reference="ENS-2026-000042"
        version={1}
        position={{ lat: 52.218534, lon: 6.893512 }}
        address="Oude Markt 12, 7511GB Enschede"
      />,
      client('visible'),
    );
    const section = screen.getByRole('region', { name: 'Melding' });
    expect(section).toHaveTextContent('Oude Markt 12, 7511GB Enschede · 52,21853 N, 6,89351 O');
    expect(await within(section).findByText('Is het gevaarlijk?')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /Wie dit meldden of volgen/ });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('A. Melder');
    expect(rows[1]).toHaveTextContent('melder@example.org');
    expect(rows[1]).toHaveTextContent('Geen antwoord');
    expect(rows[2]).toHaveTextContent('Ingelogde inwoner');
    expect(rows[2]).toHaveTextContent('0612345678');
    expect(rows[2]).toHaveTextContent('Nee');
  });

  it('leaves the reporters out where the role may not read them', async () => {
    renderDetails(
      <ReportDetails
        reference="ENS-2026-000042"
        version={1}
        position={{ lat: 52.218534, lon: 6.893512 }}
        address={null}
      />,
      client('forbidden'),
    );
    expect(await screen.findByText('Is het gevaarlijk?')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Melders' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the report's photos, fetched with the employee's token, and one at full size", async () => {
    const asked: { url: string; authorization: string | undefined }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      asked.push({
        url,
        authorization: (init.headers as Record<string, string>)['authorization'],
      });
      return new Response(new Uint8Array([0xff, 0xd8, 0xff]), {
        headers: { 'content-type': 'image/jpeg' },
      });
    });
    try {
      renderDetails(
        <ReportDetails
          reference="ENS-2026-000042"
          version={1}
          position={{ lat: 52.218534, lon: 6.893512 }}
          address={null}
        />,
        client('visible', [photo]),
      );
      const image = await screen.findByRole('img', {
        name: 'Foto 1 bij melding ENS-2026-000042',
      });
      expect(image).toHaveAttribute('src', 'data:image/jpeg;base64,/9j/');
      expect(asked).toEqual([
        { url: '/reports/enschede/photos/p1', authorization: 'Bearer staff-jwt' },
      ]);
      expect(screen.getByRole('heading', { name: "Foto's" })).toBeInTheDocument();
      await userEvent.click(
        screen.getByRole('button', {
          name: /^Groot bekijken\s*\(Foto 1 bij melding ENS-2026-000042\)$/,
        }),
      );
      const dialog = screen.getByRole('dialog', { name: 'Foto 1 bij melding ENS-2026-000042' });
      expect(within(dialog).getByRole('img')).toHaveAttribute('src', 'data:image/jpeg;base64,/9j/');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(screen.getByRole('button', { name: /^Groot bekijken\s*\(Foto 1/ })).toHaveFocus();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows no photos when the report has none', async () => {
    renderDetails(
      <ReportDetails
        reference="ENS-2026-000042"
        version={1}
        position={{ lat: 52.218534, lon: 6.893512 }}
        address={null}
      />,
      client('visible'),
    );
    expect(await screen.findByRole('table', { name: /Wie dit meldden/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: "Foto's" })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
