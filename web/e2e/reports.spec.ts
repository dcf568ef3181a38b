// Reports about public space: an anonymous resident reports at an address and a neighbour
// follows that report instead of filing it again; a logged-in resident reports where they
// stand and finds it under Mijn meldingen; the back office sees a report's answers and
// reporters and decides it, and the satisfaction link from the closing message reopens it
// (and refuses a wrong code); staff reopen an ended report; a resident adds a photo (and
// what is no photo is refused) which the back office then sees; and a complaint is filed in
// the portal and started in the console like any other product. The projects share a server per
// engine, so each files in its own categories, at places more than the duplicate radius
// apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { APIRequestContext, Page } from '@playwright/test';

import {
  demoLogin,
  demoToken,
  expect,
  expectAccessible,
  graphql,
  staffLogin,
  test,
} from './fixtures';
import { sentMessage } from './support/messages';
import { repository } from './support/processes';

const TENANT = 'enschede';

interface Category {
  code: string;
  name: string;
  /** The required question and the answer given, if the category asks one. */
  question?: { name: string; answer: string; key: string; code: string };
}

const PAVING: Category = {
  code: 'bestrating',
  name: 'Losse of kapotte bestrating',
  question: {
    name: 'Is het gevaarlijk?',
    answer: 'Ja, iemand kan vallen of zich bezeren',
    key: 'ja',
    code: 'gevaarlijk',
  },
};
const CONTAINER: Category = {
  code: 'container-vol',
  name: 'Container vol of kapot',
  question: { name: 'Wat voor container is het?', answer: 'Papier', key: 'papier', code: 'soort' },
};
const TREE: Category = {
  code: 'boom',
  name: 'Boom of takken',
  question: {
    name: 'Blokkeert de boom de weg of het fietspad?',
    answer: 'Nee',
    key: 'nee',
    code: 'blokkeert',
  },
};
const LIGHT: Category = { code: 'straatverlichting', name: 'Straatverlichting kapot' };
const GRAFFITI: Category = { code: 'graffiti', name: 'Graffiti of wildplakken' };
const LITTER: Category = { code: 'zwerfafval', name: 'Zwerfafval' };

const isPhone = (project: string) => project.endsWith('phone');

/** Calls Enschede's API without logging in; the answer, errors and all. */
async function anonymous<T>(
  request: APIRequestContext,
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post(`${base}/graphql`, {
    headers: { 'loket-tenant': TENANT, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
  return body.data as T;
}

/** The demo residents' address in Enschede: its postcode, house number and position. */
async function homeAddress(request: APIRequestContext, base: string) {
  const personas = await anonymous<{ tenant: { demoPersonas: { address: string }[] } }>(
    request,
    base,
    '{ tenant { demoPersonas { address } } }',
  );
  const label = personas.tenant.demoPersonas[0]?.address ?? '';
  const [, number, postcode] = /\s(\d+)\S*,\s*(\d{4}\s?[A-Z]{2})\s/.exec(label) ?? [];
  if (!number || !postcode) throw new Error(`no postcode in ${label}`);
  const found = await anonymous<{
    address: { street: string; latitude: number; longitude: number };
  }>(
    request,
    base,
    'query ($p: String!, $n: Int!) { address(postcode: $p, houseNumber: $n) { street latitude longitude } }',
    { p: postcode.replace(/\s/g, ''), n: Number(number) },
  );
  return { postcode, number, ...found.address };
}

/** Files a report through the API without logging in, at a point; its reference. */
async function fileAnonymously(
  request: APIRequestContext,
  base: string,
  category: Category,
  at: { lat: number; lon: number },
  email: string,
): Promise<string> {
  const filed = await anonymous<{ fileReport: { report: { reference: string } } }>(
    request,
    base,
    'mutation ($i: FileReportInput!) { fileReport(input: $i) { report { reference } } }',
    {
      i: {
        category: category.code,
        location: at,
        description: `Gemeld voor de proef: ${category.name}`,
        attributes: category.question
          ? [{ code: category.question.code, value: category.question.key }]
          : [],
        reporter: { name: 'Proefmelder', email },
      },
    },
  );
  return filed.fileReport.report.reference;
}

/** Fills in the report form up to the contact details: category, address, text, question. */
async function describeAtAddress(
  page: Page,
  category: Category,
  home: { postcode: string; number: string; street: string },
  text: string,
) {
  await page.getByRole('radio', { name: category.name, exact: true }).check();
  await page.getByRole('textbox', { name: 'Postcode' }).fill(home.postcode);
  await page.getByRole('textbox', { name: 'Huisnummer' }).fill(home.number);
  await page.getByRole('button', { name: 'Zoek adres' }).click();
  await expect(
    page.getByText(new RegExp(`^Gekozen: ${home.street} ${home.number},`)),
  ).toBeVisible();
  await page.getByRole('textbox', { name: /Wat is er aan de hand/ }).fill(text);
  if (category.question) {
    await page
      .getByRole('group', { name: `${category.question.name} (verplicht)` })
      .getByRole('radio', { name: category.question.answer })
      .check();
  }
}

test('an anonymous resident reports at an address; a neighbour follows that report', async ({
  page,
  loket,
}, info) => {
  const category = isPhone(info.project.name) ? CONTAINER : PAVING;
  const home = await homeAddress(page.request, loket.base);
  // From the catalogue's page about reporting.
  await page.goto(`/${TENANT}/producten/melding-openbare-ruimte`);
  await page.getByRole('link', { name: 'Melding doen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Melding doen' })).toBeVisible();
  await page.getByRole('radio', { name: category.name, exact: true }).check();
  await page.getByRole('textbox', { name: 'Postcode' }).fill(home.postcode);
  await page.getByRole('textbox', { name: 'Huisnummer' }).fill(home.number);
  await page.getByRole('button', { name: 'Zoek adres' }).click();
  await expect(
    page.getByText(new RegExp(`^Gekozen: ${home.street} ${home.number},`)),
  ).toBeVisible();
  await page.getByRole('textbox', { name: /Wat is er aan de hand/ }).fill('Het is kapot.');

  // The category's required question and, without login, an address for news are asked for.
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  const question = page.getByRole('group', { name: `${category.question?.name} (verplicht)` });
  await expect(question).toHaveAccessibleDescription(/Beantwoord deze vraag\./);
  await expect(question.getByRole('radio').first()).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveAccessibleDescription(
    'Vul een e-mailadres of een mobiel nummer in.',
  );
  await expectAccessible(page, 'the report form with its problems');
  await question.getByRole('radio', { name: category.question?.answer ?? '' }).check();
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill('melder@example.org');
  await page.getByRole('button', { name: 'Melding versturen' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Uw melding is ontvangen' }),
  ).toBeVisible();
  const reference =
    (await page
      .getByText(/^Het nummer van uw melding is/)
      .locator('strong')
      .textContent()) ?? '';
  expect(reference).toMatch(/^ENS-\d{4}-\d{6}$/);
  await expect(
    page.getByText(/^We verwachten de melding uiterlijk \d+ \w+ \d{4} af/),
  ).toBeVisible();
  await expect(
    page.getByText('We sturen berichten over de melding naar melder@example.org.'),
  ).toBeVisible();
  await expectAccessible(page, 'the report confirmation');

  // A neighbour reports the same at the same address: offered the open report, follows it.
  await page.goto(`/${TENANT}/melding`);
  await describeAtAddress(page, category, home, 'Nog steeds kapot.');
  await page.getByRole('textbox', { name: 'Mobiel nummer (voor een sms)' }).fill('0612345678');
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Al gemeld?' })).toBeVisible();
  const existing = page.getByRole('radio', { name: new RegExp(`Melding ${reference} volgen`) });
  await expect(existing).toBeVisible();
  await expectAccessible(page, 'the reports already made nearby');
  await existing.check();
  await page.getByRole('button', { name: 'Deze melding volgen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'U volgt nu deze melding' }),
  ).toBeVisible();
  await expect(
    page.getByText(`Dit probleem was al gemeld. U volgt nu melding ${reference}.`),
  ).toBeVisible();
});

test('a logged-in resident reports where they stand and finds it under Mijn meldingen', async ({
  page,
  loket,
}, info) => {
  const phone = isPhone(info.project.name);
  const category = phone ? LIGHT : TREE;
  const home = await homeAddress(page.request, loket.base);
  await page.context().grantPermissions(['geolocation'], { origin: loket.base });
  await page
    .context()
    .setGeolocation({ latitude: home.latitude, longitude: home.longitude, accuracy: 10 });
  await demoLogin(page, TENANT, phone ? 2 : 1);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Mijn meldingen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn meldingen' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe melding doen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Melding doen' })).toBeVisible();

  await page.getByRole('radio', { name: category.name, exact: true }).check();
  await page.getByRole('radio', { name: 'Op de plek waar ik nu ben' }).check();
  await page.getByRole('button', { name: 'Gebruik mijn huidige locatie' }).click();
  await expect(
    page.getByText(
      /^Gekozen: de plek waar u nu bent \(\d+,\d{5} noorderbreedte, \d+,\d{5} oosterlengte, op ongeveer 10 meter nauwkeurig\)$/,
    ),
  ).toBeVisible();
  await page.getByRole('textbox', { name: /Wat is er aan de hand/ }).fill('Hier, voor de deur.');
  if (category.question) {
    await page
      .getByRole('group', { name: `${category.question.name} (verplicht)` })
      .getByRole('radio', { name: category.question.answer })
      .check();
  } else {
    await page.getByRole('textbox', { name: 'Nummer op de lantaarnpaal' }).fill('EN-1234');
  }
  // Logged in, the contact details are optional.
  await expectAccessible(page, 'the report form when logged in');
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uw melding is ontvangen' }),
  ).toBeVisible();
  await expect(page.getByText(/U hebt geen e-mailadres of mobiel nummer opgegeven/)).toBeVisible();
  const reference =
    (await page
      .getByText(/^Het nummer van uw melding is/)
      .locator('strong')
      .textContent()) ?? '';

  await page.getByRole('link', { name: 'Naar mijn meldingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn meldingen' })).toBeVisible();
  const mine = page.getByRole('article').filter({ hasText: reference });
  await expect(mine).toBeVisible();
  await expect(mine.getByRole('heading', { name: category.name })).toBeVisible();
  await expect(mine.getByText('Gemeld', { exact: true })).toBeVisible();
  await expect(mine.getByText(/We hebben uw melding ontvangen/)).toBeVisible();
  await expect(mine.getByText('Verwacht klaar uiterlijk')).toBeVisible();
  await expectAccessible(page, 'my reports');
});

test('the back office decides a report; the survey link reopens it and refuses a wrong code', async ({
  page,
  loket,
}, info) => {
  const phone = isPhone(info.project.name);
  const category = phone ? CONTAINER : PAVING;
  const home = await homeAddress(page.request, loket.base);
  // Well away from the other journeys' reports of these categories.
  const at = { lat: home.latitude - (phone ? 0.008 : 0.004), lon: home.longitude };
  const email = `tevreden.${info.project.name}@example.org`;
  const reference = await fileAnonymously(page.request, loket.base, category, at, email);

  await staffLogin(page, TENANT, 'backoffice');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Werkvoorraad' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Werkvoorraad' })).toBeVisible();
  await page.goto(`/${TENANT}/medewerker/werkvoorraad?type=${category.code}`);
  await page.getByRole('link', { name: reference }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${category.name} ${reference}` }),
  ).toBeVisible();
  const details = page.getByRole('region', { name: 'Melding' });
  await expect(details.getByText(/\d+,\d{5} N, \d+,\d{5} O$/)).toBeVisible();
  await expect(details.getByText(category.question?.name ?? '')).toBeVisible();
  const reporters = page.getByRole('table', { name: /Wie dit meldden of volgen/ });
  await expect(reporters.getByRole('row').filter({ hasText: email })).toContainText('Proefmelder');
  await expectAccessible(page, "a report's case page");

  const decide = page.getByRole('form', { name: 'Besluiten' });
  await decide.getByRole('combobox', { name: 'Uitkomst' }).selectOption({ label: 'Opgelost' });
  await decide.getByRole('textbox', { name: 'Motivering voor de inwoner' }).fill('Gerepareerd.');
  await decide.getByRole('button', { name: 'Besluit nemen' }).click();
  await expect(page.locator('.loket-case-status')).toHaveText('Afgehandeld');

  // The closing message asks whether the reporter is satisfied, with a link for each answer.
  let message = '';
  await expect
    .poll(
      async () => (message = (await sentMessage(loket.database, 'report.closed', reference)) ?? ''),
      {
        timeout: 30_000,
      },
    )
    .toContain('/melding/tevredenheid?');
  const unhappy = /https:\/\/[^/\s]+(\/melding\/tevredenheid\?\S*antwoord=nee)/.exec(message)?.[1];
  if (!unhappy) throw new Error(`no survey link in ${message}`);
  const link = `/${TENANT}${unhappy}`;

  await page.goto(link.replace(/code=[^&]+/, 'code=0000000000000000'));
  await expect(page.getByRole('heading', { level: 1, name: 'Hoe tevreden bent u?' })).toBeVisible();
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze link klopt niet of is verouderd.');
  await expectAccessible(page, 'the survey with a wrong code');

  await page.goto(link);
  await expect(
    page.getByRole('radio', { name: 'Nee, het probleem is niet opgelost' }),
  ).toBeChecked();
  await expectAccessible(page, 'the survey question');
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'We kijken opnieuw naar uw melding' }),
  ).toBeVisible();
  await expect(
    page.getByText(new RegExp(`Melding ${reference} is weer in behandeling`)),
  ).toBeVisible();

  // Once more: the report is being handled again, nothing to answer.
  await page.goto(link);
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('U hebt deze vraag al beantwoord');

  // The back office sees it open again, and the reporter's answer.
  await page.goto(`/${TENANT}/medewerker/zaken/${reference}`);
  await expect(page.locator('.loket-case-status')).toHaveText('Verzoek tot heropenen');
  await expect(
    page
      .getByRole('table', { name: /Wie dit meldden of volgen/ })
      .getByRole('row')
      .filter({ hasText: email }),
  ).toContainText('Nee');
});

test('staff reopen an ended report', async ({ page, loket }, info) => {
  const phone = isPhone(info.project.name);
  const category = phone ? LITTER : GRAFFITI;
  const home = await homeAddress(page.request, loket.base);
  const at = { lat: home.latitude, lon: home.longitude - (phone ? 0.012 : 0.008) };
  const reference = await fileAnonymously(
    page.request,
    loket.base,
    category,
    at,
    `heropenen.${info.project.name}@example.org`,
  );
  const found = await graphql<{ case: { id: string; version: number } }>(
    page.request,
    loket.base,
    loket.backoffice.enschede,
    'query ($r: String!) { case(reference: $r) { id version } }',
    { r: reference },
  );
  await graphql(
    page.request,
    loket.base,
    loket.backoffice.enschede,
    'mutation ($i: DecideCaseInput!) { decideCase(input: $i) { case { id } } }',
    {
      i: {
        caseId: found.case.id,
        outcome: 'geen-actie-nodig',
        explanation: 'Niets gevonden.',
        expectedVersion: found.case.version,
      },
    },
  );

  await staffLogin(page, TENANT, 'backoffice');
  await page.goto(`/${TENANT}/medewerker/zaken/${reference}`);
  await expect(page.locator('.loket-case-status')).toHaveText('Afgehandeld');
  const reopen = page.getByRole('form', { name: 'Heropenen' });
  await reopen
    .getByRole('textbox', { name: 'Uitleg voor de melders (niet verplicht)' })
    .fill('Er is opnieuw geklad; we gaan er weer heen.');
  await expectAccessible(page, 'an ended report with the reopen form');
  await reopen.getByRole('button', { name: 'Melding heropenen' }).click();
  await expect(page.locator('.loket-case-status')).toHaveText('Heropend');
  await expect(page.getByRole('form', { name: 'Heropenen' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Besluiten' })).toBeVisible();
});

/** The natural width of an image once it has loaded (0 while it has not, or cannot). */
function loadedWidth(image: ReturnType<Page['locator']>) {
  return image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));
}

test('a resident adds a photo to a report, which the back office sees; no photo is refused', async ({
  page,
  loket,
}, info) => {
  const phone = isPhone(info.project.name);
  const category = phone ? CONTAINER : PAVING;
  const home = await homeAddress(page.request, loket.base);
  // Away from the other journeys' reports of these categories.
  await page.context().grantPermissions(['geolocation'], { origin: loket.base });
  await page.context().setGeolocation({
    latitude: home.latitude + (phone ? 0.01 : 0.006),
    longitude: home.longitude,
    accuracy: 10,
  });
  await page.goto(`/${TENANT}/melding`);
  await page.getByRole('radio', { name: category.name, exact: true }).check();
  await page.getByRole('radio', { name: 'Op de plek waar ik nu ben' }).check();
  await page.getByRole('button', { name: 'Gebruik mijn huidige locatie' }).click();
  await expect(page.getByText(/^Gekozen: de plek waar u nu bent/)).toBeVisible();
  await page.getByRole('textbox', { name: /Wat is er aan de hand/ }).fill('Zie de foto.');
  await page
    .getByRole('group', { name: `${category.question?.name} (verplicht)` })
    .getByRole('radio', { name: category.question?.answer ?? '' })
    .check();
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill('fotomelder@example.org');
  const photos = page.getByLabel("Foto's toevoegen (niet verplicht)");
  await expect(photos).toHaveAccessibleDescription(
    /We halen de locatiegegevens uit uw foto's\. Alleen medewerkers van de gemeente zien ze\./,
  );

  // A text file that only claims to be a PNG: Loket's reason shows at the field.
  const fake = info.outputPath('geen-foto.png');
  writeFileSync(fake, 'Dit is geen foto.\n');
  await photos.setInputFiles(fake);
  await expect(photos).toHaveAccessibleDescription(
    /geen-foto\.png is niet toegevoegd\. Dit klopt niet: \S+/,
  );
  await expect(photos).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the report form with a refused photo');
  // Not sent while it stands: the keyboard goes to the field.
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(photos).toBeFocused();
  await page.getByRole('button', { name: /^Weghalen\s*\(geen-foto\.png\)$/ }).click();
  await expect(photos).toBeFocused();
  await expect(photos).not.toHaveAttribute('aria-invalid');

  await photos.setInputFiles(join(repository, 'tests/fixtures/photos/photo-with-location.jpg'));
  const added = page.getByRole('listitem').filter({ hasText: 'photo-with-location.jpg' });
  await expect(added).toContainText('Toegevoegd');
  await expect.poll(() => loadedWidth(added.locator('img'))).toBeGreaterThan(0);
  await expectAccessible(page, 'the report form with a photo added');
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uw melding is ontvangen' }),
  ).toBeVisible();
  const reference =
    (await page
      .getByText(/^Het nummer van uw melding is/)
      .locator('strong')
      .textContent()) ?? '';
  expect(reference).toMatch(/^ENS-\d{4}-\d{6}$/);

  // The back office sees the photo with the report, and opens it at its own size.
  await staffLogin(page, TENANT, 'backoffice');
  await page.goto(`/${TENANT}/medewerker/zaken/${reference}`);
  const details = page.getByRole('region', { name: 'Melding' });
  const photo = details.getByRole('img', { name: `Foto 1 bij melding ${reference}` });
  await expect(photo).toBeVisible();
  await expect.poll(() => loadedWidth(photo)).toBeGreaterThan(0);
  await expectAccessible(page, "a report's case page with its photo");
  await details
    .getByRole('button', { name: `Groot bekijken (Foto 1 bij melding ${reference})` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Foto 1 bij melding ${reference}` });
  await expect.poll(() => loadedWidth(dialog.getByRole('img'))).toBeGreaterThan(0);
  await expectAccessible(page, "a report's photo at full size");
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
});

test('a complaint is filed in the portal like any request, and started in the console', async ({
  page,
  loket,
}, info) => {
  const phone = isPhone(info.project.name);
  await demoLogin(page, TENANT, phone ? 2 : 1);
  await page.goto(`/${TENANT}/producten/klacht`);
  await page.getByRole('link', { name: 'Online aanvragen' }).click();
  await expect(
    page.getByRole('checkbox', { name: 'Klacht over de gemeente indienen', exact: true }),
  ).toBeChecked();
  await page
    .getByRole('textbox', { name: 'Wat wilt u doen?' })
    .fill(`Ik werd aan de balie niet netjes geholpen (${info.project.name}).`);
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'We hebben uw aanvraag ontvangen' }),
  ).toBeVisible();
  await expect(page.locator('.loket-confirmation__case')).toContainText('Klacht');

  // At the counter, for another resident: the start-case form offers it too.
  const { bsn } = await demoToken(page.request, loket.base, TENANT, { persona: 3 });
  const person = await graphql<{
    person: { name: { surname: string }; address: { postcode: string; houseNumber: number } };
  }>(
    page.request,
    loket.base,
    loket.frontoffice,
    'query ($b: String!) { person(bsn: $b) { name { surname } address { postcode houseNumber } } }',
    { b: bsn },
  );
  await staffLogin(page, TENANT, 'frontoffice');
  await page.getByRole('link', { name: 'Inwoner zoeken' }).first().click();
  await page.getByRole('textbox', { name: 'Postcode' }).fill(person.person.address.postcode);
  await page
    .getByRole('textbox', { name: 'Huisnummer' })
    .fill(String(person.person.address.houseNumber));
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page
    .getByRole('button', { name: new RegExp(person.person.name.surname) })
    .first()
    .click();
  const start = page.getByRole('region', { name: 'Zaak starten voor deze inwoner' });
  await start
    .getByRole('combobox', { name: 'Wat vraagt de inwoner aan?' })
    .selectOption({ label: 'Klacht' });
  await start.getByRole('button', { name: 'Zaak starten' }).click();
  await expect(start.getByRole('status')).toContainText(/Gestart: Klacht ENS-\d{4}-\d{6}/);
});
