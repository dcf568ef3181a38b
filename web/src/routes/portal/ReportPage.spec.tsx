import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import {
  LocaleContext,
  SessionContext,
  TenantContext,
  type SessionState,
  type TenantState,
} from '../../app/contexts';
import { answeringClient, refusal, type Answer, type Asked } from '../../test/client';
import { renderWithClient } from '../../test/render';
import { ReportPage } from './ReportPage';

const categories = [
  {
    __typename: 'ReportCategory',
    code: 'bestrating',
    name: 'Losse of kapotte bestrating',
    group: 'wegen',
    groupName: 'Wegen, verkeer en straatmeubilair',
    description: 'Losse stoeptegels of gaten in de weg.',
    fields: [
      {
        __typename: 'ReportField',
        code: 'gevaarlijk',
        name: 'Is het gevaarlijk?',
        description: null,
        datatype: 'SINGLEVALUELIST',
        required: true,
        values: [
          { __typename: 'ReportFieldValue', key: 'ja', name: 'Ja' },
          { __typename: 'ReportFieldValue', key: 'nee', name: 'Nee' },
        ],
      },
    ],
  },
];

const address = {
  __typename: 'Address',
  id: '0153200000012345',
  street: 'Oude Markt',
  houseNumber: 12,
  letter: null,
  addition: null,
  postcode: '7511GB',
  city: 'Enschede',
  latitude: 52.2192,
  longitude: 6.8961,
};

const report = {
  __typename: 'Report',
  reference: 'ENS-2026-000042',
  createdAt: '2026-12-01T09:00:00Z',
  expectedBy: '2026-12-15',
  closedAt: null,
  outcome: null,
  category: { __typename: 'ReportCategory', name: 'Losse of kapotte bestrating' },
  status: { __typename: 'ReportStatus', name: 'Gemeld', explanation: 'We hebben het.' },
};

function renderPage(answer: (asked: Asked) => Answer | undefined) {
  const { client, asked } = answeringClient((q) => {
    if (q.operationName === 'ReportForm') return { data: { reportCategories: categories } };
    if (q.operationName === 'ReportAddress') return { data: { address } };
    return answer(q) ?? { data: null };
  });
  const tenant = {
    bootstrap: {},
    tenant: { slug: 'enschede', name: 'Enschede', languages: ['nl', 'en', 'de'] },
    languages: ['nl', 'en'],
  } as unknown as TenantState;
  const session = { session: null } as unknown as SessionState;
  renderWithClient(
    <SessionContext.Provider value={session}>
      <TenantContext.Provider value={tenant}>
        <LocaleContext.Provider value={{ locale: 'nl', setLocale: () => undefined }}>
          <ReportPage />
        </LocaleContext.Provider>
      </TenantContext.Provider>
    </SessionContext.Provider>,
    client,
    '/melding',
  );
  return asked;
}

async function fillIn() {
  await userEvent.click(await screen.findByRole('radio', { name: 'Losse of kapotte bestrating' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Postcode' }), '7511GB');
  await userEvent.type(screen.getByRole('textbox', { name: 'Huisnummer' }), '12');
  await userEvent.click(screen.getByRole('button', { name: 'Zoek adres' }));
  await screen.findByText(/Gekozen: Oude Markt 12/);
  await userEvent.type(
    screen.getByRole('textbox', { name: /Wat is er aan de hand/ }),
    'Drie tegels liggen los.',
  );
  await userEvent.click(screen.getByRole('radio', { name: 'Ja' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'E-mailadres' }), 'a@example.org');
}

describe('ReportPage', () => {
  it('asks what is missing before asking Loket, the contact details too without login', async () => {
    const asked = renderPage(() => undefined);
    await userEvent.click(await screen.findByRole('button', { name: 'Melding versturen' }));
    expect(
      screen.getByRole('group', { name: 'Waar gaat uw melding over?' }),
    ).toHaveAccessibleDescription(/Kies waar uw melding over gaat\./);
    expect(screen.getByRole('group', { name: 'Waar is het?' })).toHaveAccessibleDescription(
      /Zoek een adres op of gebruik uw huidige locatie\./,
    );
    expect(
      screen.getByRole('textbox', { name: /Wat is er aan de hand/ }),
    ).toHaveAccessibleDescription(/Beschrijf wat er aan de hand is\./);
    expect(screen.getByRole('textbox', { name: 'E-mailadres' })).toHaveAccessibleDescription(
      'Vul een e-mailadres of een mobiel nummer in.',
    );
    // The keyboard continues at the first thing to correct.
    expect(screen.getByRole('radio', { name: 'Losse of kapotte bestrating' })).toHaveFocus();
    expect(asked.map((a) => a.operationName)).toEqual(['ReportForm']);
  });

  it('offers an open report nearby to follow, and follows it', async () => {
    const asked = renderPage(({ operationName }) => {
      if (operationName === 'NearbyReports') {
        return {
          data: { nearbyReports: [{ __typename: 'NearbyReport', distanceM: 15, report }] },
        };
      }
      if (operationName === 'FileReport') {
        return {
          data: {
            fileReport: { __typename: 'FileReportPayload', joined: true, replayed: false, report },
          },
        };
      }
      return undefined;
    });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
    expect(await screen.findByRole('heading', { name: 'Al gemeld?' })).toHaveFocus();
    await userEvent.click(screen.getByRole('radio', { name: /Melding ENS-2026-000042 volgen/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Deze melding volgen' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'U volgt nu deze melding' }),
    ).toBeInTheDocument();
    const filed = asked.find((a) => a.operationName === 'FileReport');
    expect(filed?.variables['input']).toMatchObject({
      category: 'bestrating',
      addressId: '0153200000012345',
      description: 'Drie tegels liggen los.',
      attributes: [{ code: 'gevaarlijk', value: 'ja' }],
      reporter: { email: 'a@example.org', language: 'nl' },
      join: 'ENS-2026-000042',
    });
    expect(filed?.variables['input']).toHaveProperty('idempotencyKey');
  });

  it('shows Loket’s refusals next to their fields and keeps what was typed', async () => {
    renderPage(({ operationName }) => {
      if (operationName === 'NearbyReports') return { data: { nearbyReports: [] } };
      if (operationName === 'FileReport') {
        return {
          errors: [
            ...(refusal('BAD_USER_INPUT', 'attributes: gevaarlijk: one of ja, nee', 'attributes')
              .errors ?? []),
          ],
        };
      }
      return undefined;
    });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
    await waitFor(() =>
      expect(
        screen.getByRole('group', { name: 'Is het gevaarlijk? (verplicht)' }),
      ).toHaveAccessibleDescription(/Dit klopt niet: one of ja, nee/),
    );
    expect(screen.getByRole('textbox', { name: /Wat is er aan de hand/ })).toHaveValue(
      'Drie tegels liggen los.',
    );
    expect(screen.getByRole('radio', { name: 'Ja' })).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  describe('with photos', () => {
    const uploads: { type: string; tenant: string | null }[] = [];
    beforeEach(() => {
      uploads.length = 0;
      // Loket takes a JPEG and refuses what only claims to be a PNG.
      vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
        const headers = init.headers as Record<string, string>;
        const type = headers['Content-Type'] ?? '';
        uploads.push({ type, tenant: headers['Loket-Tenant'] ?? null });
        expect(url).toBe('/reports/photos');
        return type === 'image/jpeg'
          ? Response.json({ photo: 'photo-1', contentType: type, bytes: 3 }, { status: 201 })
          : Response.json(
              {
                errors: [
                  {
                    message: 'the photo is not a JPEG or PNG image',
                    extensions: { code: 'BAD_USER_INPUT', field: 'photo' },
                  },
                ],
              },
              { status: 415 },
            );
      });
    });
    afterEach(() => vi.unstubAllGlobals());

    const photos = () => screen.getByLabelText("Foto's toevoegen (niet verplicht)");

    it('sends each photo when chosen and files the report with the ids Loket gave', async () => {
      const asked = renderPage(({ operationName }) => {
        if (operationName === 'NearbyReports') return { data: { nearbyReports: [] } };
        if (operationName === 'FileReport') {
          return {
            data: {
              fileReport: {
                __typename: 'FileReportPayload',
                joined: false,
                replayed: false,
                report,
              },
            },
          };
        }
        return undefined;
      });
      await fillIn();
      expect(photos()).toHaveAccessibleDescription(
        /We halen de locatiegegevens uit uw foto's\. Alleen medewerkers van de gemeente zien ze\./,
      );
      await userEvent.upload(
        photos(),
        new File([new Uint8Array([0xff, 0xd8, 0xff])], 'tegels.jpg', { type: 'image/jpeg' }),
      );
      const item = (await screen.findByText('tegels.jpg')).closest('li') as HTMLElement;
      await within(item).findByText('Toegevoegd');
      expect(await within(item).findByRole('presentation')).toHaveAttribute(
        'src',
        'data:image/jpeg;base64,/9j/',
      );
      expect(uploads).toEqual([{ type: 'image/jpeg', tenant: 'enschede' }]);
      await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
      await screen.findByRole('heading', { level: 1, name: 'Uw melding is ontvangen' });
      const filed = asked.find((a) => a.operationName === 'FileReport');
      expect(filed?.variables['input']).toMatchObject({ photos: ['photo-1'] });
    });

    it("shows a refused photo's reason at the field until it is removed", async () => {
      const asked = renderPage(({ operationName }) =>
        operationName === 'NearbyReports' ? { data: { nearbyReports: [] } } : undefined,
      );
      await fillIn();
      await userEvent.upload(photos(), new File(['geen foto'], 'tekst.png', { type: 'image/png' }));
      await waitFor(() =>
        expect(photos()).toHaveAccessibleDescription(
          /tekst\.png is niet toegevoegd\. Dit klopt niet: the photo is not a JPEG or PNG image/,
        ),
      );
      expect(photos()).toHaveAttribute('aria-invalid', 'true');
      // Not sent while the refusal stands: the keyboard goes to the field.
      await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
      expect(photos()).toHaveFocus();
      expect(asked.map((a) => a.operationName)).not.toContain('FileReport');
      await userEvent.click(screen.getByRole('button', { name: /^Weghalen\s*\(tekst\.png\)$/ }));
      expect(photos()).toHaveFocus();
      expect(photos()).not.toHaveAttribute('aria-invalid');
      expect(screen.queryByText('tekst.png')).toBeNull();
    });
  });
});
