// Appointments at the counter: a resident books, finds it under Mijn afspraken, moves it and
// cancels it; the confirmation's cancel link works without logging in and refuses a wrong
// code; the counter checks a resident in, calls them to a desk and completes the
// appointment. The projects share a server per engine (desktop and phone at once), so each
// books different products and times, and the counter finds its own resident by name.
import type { APIRequestContext, Page } from '@playwright/test';

import { demoLogin, expect, expectAccessible, staffLogin, test } from './fixtures';
import { seedPastAppointment } from './support/seed';

const TENANT = 'enschede';
const LOCATION = 'stadskantoor';

/** Today in Amsterdam, as the counter's day list takes it. */
function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** Asks Enschede's API without logging in; the data, which must come without errors. */
async function anonymous<T>(
  request: APIRequestContext,
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { extensions: { code: string; field?: string } }[] }> {
  const response = await request.post(`${base}/graphql`, {
    headers: { 'loket-tenant': TENANT, 'content-type': 'application/json' },
    data: { query, variables },
  });
  return (await response.json()) as {
    data?: T;
    errors?: { extensions: { code: string; field?: string } }[];
  };
}

/** The free starts for `products` at the Stadskantoor on `day`. */
async function freeTimes(
  request: APIRequestContext,
  base: string,
  products: string[],
  day: string,
): Promise<string[]> {
  const answer = await anonymous<{ availableTimes: { start: string }[] }>(
    request,
    base,
    'query ($p: [String!]!, $l: String!, $d: NaiveDate!) { availableTimes(products: $p, location: $l, day: $d) { start } }',
    { p: products, l: LOCATION, d: day },
  );
  expect(answer.errors ?? []).toEqual([]);
  return (answer.data?.availableTimes ?? []).map((t) => t.start);
}

/**
 * Books `products` anonymously at the first of `starts` still free (the other project may take
 * one meanwhile); the reference and the cancellation code.
 */
async function bookAnonymously(
  request: APIRequestContext,
  base: string,
  products: string[],
  starts: string[],
  name: string,
): Promise<{ reference: string; cancellationCode: string }> {
  for (const start of starts) {
    const answer = await anonymous<{
      bookAppointment: { appointment: { reference: string }; cancellationCode: string };
    }>(
      request,
      base,
      'mutation ($i: BookAppointmentInput!) { bookAppointment(input: $i) { cancellationCode appointment { reference } } }',
      {
        i: { products, location: LOCATION, start, name, email: 'inwoner@example.org' },
      },
    );
    if (answer.data) {
      return {
        reference: answer.data.bookAppointment.appointment.reference,
        cancellationCode: answer.data.bookAppointment.cancellationCode,
      };
    }
    expect(answer.errors?.[0]?.extensions.code).toBe('CONFLICT');
  }
  throw new Error(`no free time for ${products.join(', ')}`);
}

/**
 * The second day the form offers, then the time at `pick` in that day's list. Not the first:
 * today's first time is the soonest one may book, and may pass while the journey fills in
 * the form.
 */
async function chooseTime(page: Page, pick: 'first' | 'last'): Promise<string> {
  const day = page.getByRole('combobox', { name: 'Dag' });
  await expect(day.locator('option').nth(2)).toBeAttached();
  const value = await day.locator('option').nth(2).getAttribute('value');
  await day.selectOption(value ?? '');
  const times = page.getByRole('group', { name: 'Tijd' }).getByRole('radio');
  await expect(times.first()).toBeVisible();
  const time = pick === 'first' ? times.first() : times.last();
  await time.check();
  const label = await page.locator(`label[for="${await time.getAttribute('id')}"]`).textContent();
  return label ?? '';
}

test('a resident books an appointment, sees it, moves it and cancels it', async ({
  page,
}, info) => {
  // Desktop and phone book different products at either end of the day, so they do not race.
  const phone = info.project.name.endsWith('phone');
  const product = phone ? 'Legalisatie van een handtekening' : 'Uittreksel';
  await demoLogin(page, TENANT, phone ? 2 : 1);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Mijn afspraken' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn afspraken' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe afspraak maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Afspraak maken' })).toBeVisible();

  const products = page.getByRole('group', { name: 'Waarvoor komt u?' });
  await products
    .getByRole('checkbox', { name: new RegExp(product) })
    .first()
    .check();
  await expect(page.getByRole('radio', { name: /Stadskantoor/ })).toBeVisible();
  await page.getByRole('radio', { name: /Stadskantoor/ }).check();
  // A family coming together: the times follow from the number of persons.
  const persons = phone ? '1' : '2';
  await page.getByRole('spinbutton', { name: 'Met hoeveel personen komt u?' }).fill(persons);
  await chooseTime(page, phone ? 'last' : 'first');
  await page.getByRole('textbox', { name: 'Uw naam' }).fill(`Inwoner ${info.project.name}`);
  await page.getByRole('textbox', { name: /E-mailadres/ }).fill('inwoner@example.org');
  await expectAccessible(page, 'the appointment form');
  await page.getByRole('button', { name: 'Afspraak maken' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Uw afspraak is gemaakt' }),
  ).toBeVisible();
  await expect(
    page.getByText(/We sturen u een bevestiging naar inwoner@example.org/),
  ).toBeVisible();
  const reference =
    (await page
      .getByText(/^Uw kenmerk is/)
      .locator('strong')
      .textContent()) ?? '';
  expect(reference).toMatch(/^A-/);
  await expect(
    page.getByRole('definition').filter({ hasText: new RegExp(`^${persons}$`) }),
  ).toBeVisible();
  await expectAccessible(page, 'the appointment confirmation');

  // In Mijn afspraken.
  await page.getByRole('link', { name: 'Naar mijn afspraken' }).click();
  const item = page.getByRole('listitem').filter({ hasText: reference });
  await expect(item).toBeVisible();
  await expect(item.getByText('Gepland')).toBeVisible();
  await expect(item.getByText('Stadskantoor', { exact: true })).toBeVisible();
  await expectAccessible(page, 'my appointments');

  // Moving it: another time; the reference stays.
  const before = await item.getByRole('heading').textContent();
  await item.getByRole('button', { name: 'Verzetten', exact: true }).click();
  await chooseTime(page, phone ? 'first' : 'last');
  await expectAccessible(page, 'moving an appointment');
  await item.getByRole('button', { name: 'Naar deze tijd verzetten' }).click();
  await expect(item.getByRole('button', { name: 'Verzetten', exact: true })).toBeVisible();
  await expect(item.getByRole('heading')).not.toHaveText(before ?? '');

  // Cancelling it.
  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByRole('button', { name: 'Annuleren', exact: true }).click();
  await expect(item.getByText('Geannuleerd')).toBeVisible();
  await expect(item.getByRole('button', { name: 'Annuleren', exact: true })).toHaveCount(0);
});

test('the cancel link cancels without logging in, and refuses a wrong code', async ({
  page,
  loket,
}, info) => {
  const products = [info.project.name.endsWith('phone') ? 'verhuizing' : 'uittreksel-brp'];
  const days = await anonymous<{ availableDays: string[] }>(
    page.request,
    loket.base,
    'query ($p: [String!]!, $l: String!, $f: NaiveDate!, $t: NaiveDate!) { availableDays(products: $p, location: $l, from: $f, to: $t) }',
    {
      p: products,
      l: LOCATION,
      f: today(),
      t: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    },
  );
  const day = days.data?.availableDays.at(-1);
  if (!day) throw new Error('no day with room');
  const starts = await freeTimes(page.request, loket.base, products, day);
  const booked = await bookAnonymously(
    page.request,
    loket.base,
    products,
    info.project.name.endsWith('phone') ? starts.reverse() : starts,
    `Link ${info.project.name}`,
  );
  const link = (code: string) =>
    `/${TENANT}/afspraak/annuleren?referentie=${encodeURIComponent(booked.reference)}&code=${encodeURIComponent(code)}`;

  await page.goto(link('XXXXXXXX'));
  await expect(page.getByRole('heading', { level: 1, name: 'Afspraak annuleren' })).toBeVisible();
  await expect(page.getByText(booked.reference)).toBeVisible();
  await page.getByRole('button', { name: 'Afspraak annuleren' }).click();
  await expect(page.getByText(/Het kenmerk of de code klopt niet/)).toBeVisible();
  await expectAccessible(page, 'the cancel link with a wrong code');

  await page.goto(link(booked.cancellationCode));
  await expect(page.getByText(booked.reference)).toBeVisible();
  await expectAccessible(page, 'the cancel link');
  await page.getByRole('button', { name: 'Afspraak annuleren' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uw afspraak is geannuleerd' }),
  ).toBeVisible();

  // Once more: it is cancelled already.
  await page.goto(link(booked.cancellationCode));
  await page.getByRole('button', { name: 'Afspraak annuleren' }).click();
  await expect(page.getByText(/al geannuleerd/)).toBeVisible();
});

test('the counter checks a resident in, calls them to a desk and completes; one does not come', async ({
  page,
  loket,
}, info) => {
  // Booking asks for a time at least an hour ahead, and the counter works on appointments
  // whose time has come: those are written into the database, as the counter would find them.
  const stamp = `${info.project.name} ${Date.now()}`;
  const arrives = `Balie ${stamp}`;
  const staysAway = `Weg ${stamp}`;
  await seedPastAppointment(loket.database, arrives);
  await seedPastAppointment(loket.database, staysAway);

  await staffLogin(page, TENANT, 'frontoffice');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Balie' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Afspraken aan de balie' }),
  ).toBeVisible();
  // The filter lives in the URL: a reload or a shared link shows the same day list.
  await page.getByRole('combobox', { name: 'Locatie' }).selectOption(LOCATION);
  await expect(page).toHaveURL(new RegExp(`locatie=${LOCATION}`));
  await page.goto(`/${TENANT}/medewerker/balie?locatie=${LOCATION}&dag=${today()}`);
  await expect(page.getByRole('combobox', { name: 'Locatie' })).toHaveValue(LOCATION);
  await expect(page.getByRole('textbox', { name: 'Dag' })).toHaveValue(today());
  const row = page.getByRole('row').filter({ hasText: arrives });
  await expect(row.getByText('Gepland')).toBeVisible();
  await expectAccessible(page, "the counter's day list");

  await row.getByRole('button', { name: `Aanmelden ${arrives}` }).click();
  await expect(row.getByText('Aangemeld')).toBeVisible();
  // A desk the location does not have is refused at the field.
  const desk = row.getByRole('textbox', { name: `Balie voor ${arrives}` });
  await desk.fill('balie-9');
  await row.getByRole('button', { name: `Oproepen ${arrives}` }).click();
  await expect(desk).toHaveAttribute('aria-invalid', 'true');
  await desk.fill('balie-2');
  await row.getByRole('button', { name: `Oproepen ${arrives}` }).click();
  await expect(row.getByText('Opgeroepen')).toBeVisible();
  await expect(row.getByText('naar balie-2')).toBeVisible();
  await expectAccessible(page, 'the day list with a called resident');
  await row.getByRole('button', { name: `Afronden ${arrives}` }).click();
  await expect(row.getByText('Afgerond')).toBeVisible();
  await expect(row.getByRole('button')).toHaveCount(0);

  const away = page.getByRole('row').filter({ hasText: staysAway });
  await away.getByRole('button', { name: `Niet gekomen: ${staysAway}` }).click();
  await expect(away.getByText('Niet gekomen', { exact: true })).toBeVisible();
  await expect(away.getByRole('button')).toHaveCount(0);
});

test('a time taken meanwhile says so, offers fresh times and keeps what was typed', async ({
  page,
  loket,
}, info) => {
  const phone = info.project.name.endsWith('phone');
  await demoLogin(page, TENANT, phone ? 2 : 1);
  // From the product page of a product at the counter by appointment.
  await page.goto(`/${TENANT}/producten/rijbewijs`);
  await page.getByRole('link', { name: 'Afspraak maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Afspraak maken' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Rijbewijs aanvragen/ })).toBeChecked();
  await page.getByRole('radio', { name: /Stadskantoor/ }).check();
  // The second day with room, a time in the middle of it: the other journeys take the ends.
  const day = page.getByRole('combobox', { name: 'Dag' });
  await expect(day.locator('option').nth(2)).toBeAttached();
  await day.selectOption((await day.locator('option').nth(2).getAttribute('value')) ?? '');
  const times = page.getByRole('group', { name: 'Tijd' }).getByRole('radio');
  await expect(times.first()).toBeVisible();
  const chosen = times.nth(phone ? 9 : 3);
  await chosen.check();
  const start = (await chosen.getAttribute('value')) ?? '';
  const name = `Bezet ${info.project.name}`;
  await page.getByRole('textbox', { name: 'Uw naam' }).fill(name);
  await page.getByRole('textbox', { name: /E-mailadres/ }).fill('bezet@example.org');

  // Meanwhile others book every desk at that time.
  for (let i = 0; i < 4; i += 1) {
    const answer = await anonymous(
      page.request,
      loket.base,
      'mutation ($i: BookAppointmentInput!) { bookAppointment(input: $i) { appointment { id } } }',
      {
        i: {
          products: ['rijbewijs'],
          location: LOCATION,
          start,
          name: `Ander ${i}`,
          email: 'ander@example.org',
        },
      },
    );
    if (answer.errors) {
      expect(answer.errors[0]?.extensions.code).toBe('CONFLICT');
      break;
    }
  }

  await page.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /Iemand anders heeft deze tijd/ }),
  ).toBeVisible();
  await expect(page.locator(`input[type="radio"][value="${start}"]`)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Uw naam' })).toHaveValue(name);
  await expect(page.getByRole('textbox', { name: /E-mailadres/ })).toHaveValue('bezet@example.org');
  await expectAccessible(page, 'the appointment form after a taken time');

  await times.nth(phone ? 10 : 4).check();
  await page.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uw afspraak is gemaakt' }),
  ).toBeVisible();
});
