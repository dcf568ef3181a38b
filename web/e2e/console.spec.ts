// The staff console against the real binary: the contact centre finds a resident, registers
// a phone contact and hands it on; the back office takes the callback, works the resident's
// building permit while the resident watches live; two handlers change the same case and
// the second sees what changed; the same screens show Enschede's front office the decision
// and hide it from Haarlem's, because their policies say so.
import { randomUUID } from 'node:crypto';

import {
  demoLogin,
  demoToken,
  expect,
  expectAccessible,
  graphql,
  keepScreenshot,
  newBuildingPermit,
  staffLogin,
  test,
} from './fixtures';

test('the contact centre finds a resident, registers a phone contact and hands it on', async ({
  page,
  loket,
}, info) => {
  const { bsn } = await demoToken(page.request, loket.base, 'enschede', { persona: 1 });
  const question = `Wanneer wordt mijn paspoort bezorgd? ${randomUUID()}`;

  await staffLogin(page, 'enschede', 'frontoffice');
  await expectAccessible(page, 'the console start page');
  await page.getByRole('link', { name: 'Inwoner zoeken' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inwoner zoeken' })).toBeVisible();
  // The channels and opening hours stay beside the work.
  await expect(page.getByRole('complementary')).toContainText('14 053');
  await expectAccessible(page, 'the resident search');

  // By postcode and house number first, as a caller would give them.
  const person = await graphql<{
    person: { name: { surname: string }; address: { postcode: string; houseNumber: number } };
  }>(
    page.request,
    loket.base,
    loket.frontoffice,
    'query ($b: String!) { person(bsn: $b) { name { surname } address { postcode houseNumber } } }',
    { b: bsn },
  );
  await page.getByRole('textbox', { name: 'Postcode' }).fill(person.person.address.postcode);
  await page
    .getByRole('textbox', { name: 'Huisnummer' })
    .fill(String(person.person.address.houseNumber));
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /gevonden/ })).toBeVisible();
  await page
    .getByRole('button', { name: new RegExp(person.person.name.surname) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/enschede\/medewerker\/inwoner$/);
  expect(page.url()).not.toContain(bsn ?? '-');
  await expect(page.getByRole('heading', { name: 'Zaken', exact: true })).toBeVisible();
  await expectAccessible(page, "a resident's 360° view");

  // A phone contact in a few keystrokes: channel, waiting time, topic from the catalogue.
  await expect(page.getByRole('combobox', { name: 'Kanaal' })).toHaveValue('PHONE');
  await page.getByRole('textbox', { name: 'Wachttijd in seconden' }).fill('35');
  await page.getByRole('textbox', { name: 'Onderwerp' }).fill('paspoort');
  await page
    .getByRole('radio', { name: /Paspoort/ })
    .first()
    .check();
  await page.getByRole('textbox', { name: 'Vraag', exact: true }).fill(question);
  await page.getByRole('checkbox', { name: 'Beantwoord in dit contact' }).uncheck();
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await expect(page.getByText('Het contact is geregistreerd.')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: question })).toBeVisible();

  // Not answered: hand it to a back-office team.
  const handOver = page.getByRole('region', { name: 'Doorzetten naar de backoffice' });
  await handOver.getByRole('textbox', { name: 'Terugbelnummer' }).fill('0612345678');
  await expectAccessible(page, 'the hand-over form');
  await handOver.getByRole('button', { name: 'Doorzetten' }).click();
  await expect(page.getByText(/Doorgezet naar .+\. Zij bellen uiterlijk/)).toBeVisible();
  await keepScreenshot(page, 'console-contact', info.project.name);

  const callbacks = await graphql<{
    callbacks: { nodes: { question: string; phone: string; subject: string | null }[] };
  }>(
    page.request,
    loket.base,
    loket.backoffice.enschede,
    '{ callbacks(first: 100) { nodes { question phone subject } } }',
  );
  expect(callbacks.callbacks.nodes).toContainEqual({
    question,
    phone: '0612345678',
    subject: bsn,
  });
  const contacts = await graphql<{
    contactMoments: {
      nodes: {
        question: string;
        waitSeconds: number;
        topic: string;
        resolvedFirstContact: boolean;
      }[];
    };
  }>(
    page.request,
    loket.base,
    loket.frontoffice,
    'query ($b: String) { contactMoments(subject: $b, first: 50) { nodes { question waitSeconds topic resolvedFirstContact } } }',
    { b: bsn },
  );
  const registered = contacts.contactMoments.nodes.filter((c) => c.question === question);
  expect(registered).toHaveLength(1);
  expect(registered[0]).toMatchObject({ waitSeconds: 35, resolvedFirstContact: false });
  expect(registered[0]?.topic).toMatch(/paspoort/);
});

test('the back office takes a callback, works the building permit, and the resident sees it live', async ({
  page,
  browser,
  loket,
}, info) => {
  const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 1 });
  const marker = randomUUID();
  const permit = await newBuildingPermit(
    page.request,
    loket.base,
    resident.token,
    `Een serre aan de achterkant ${marker}`,
  );
  // The contact centre handed the resident's question on.
  const contact = await graphql<{ registerContact: { contact: { id: string } } }>(
    page.request,
    loket.base,
    loket.frontoffice,
    'mutation ($i: RegisterContactInput!) { registerContact(input: $i) { contact { id } } }',
    {
      i: {
        channel: 'PHONE',
        subject: resident.bsn,
        topic: 'bouwvergunning',
        question: `Hoe staat mijn serre ervoor? ${marker}`,
        resolvedFirstContact: false,
        waitSeconds: 12,
      },
    },
  );
  const teams = await graphql<{ tenant: { callbackTeams: string[] } }>(
    page.request,
    loket.base,
    loket.frontoffice,
    '{ tenant { callbackTeams } }',
  );
  await graphql(
    page.request,
    loket.base,
    loket.frontoffice,
    'mutation ($i: RequestCallbackInput!) { requestCallback(input: $i) { callback { id } } }',
    {
      i: {
        contactId: contact.registerContact.contact.id,
        team: teams.tenant.callbackTeams[0],
        phone: '0687654321',
      },
    },
  );

  // The resident follows the case in the portal, in a browser of their own.
  const residentContext = await browser.newContext({ baseURL: loket.base });
  const residentPage = await residentContext.newPage();
  await demoLogin(residentPage, 'enschede');
  await residentPage.goto(`/enschede/mijn/zaken/${permit.reference}`);
  const steps = residentPage.getByRole('list', { name: 'Stappen van uw aanvraag' });
  await expect(steps.locator('[aria-current="step"]')).toContainText('Ontvangen');

  await staffLogin(page, 'enschede', 'backoffice');
  await page.getByRole('link', { name: 'Terugbellen' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terugbellen' })).toBeVisible();
  const callback = page.getByRole('article').filter({ hasText: marker });
  await expect(callback).toBeVisible();
  await expectAccessible(page, 'the callback queue');
  await callback.getByRole('button', { name: 'Inwoner en zaken bekijken' }).click();
  const caseItem = page.getByRole('article').filter({ hasText: permit.reference });
  await caseItem.getByRole('link', { name: 'Omgevingsvergunning bouwen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Omgevingsvergunning bouwen ${permit.reference}` }),
  ).toBeVisible();
  await expectAccessible(page, 'a case in the console');

  // Take it, move it on, and decide it.
  await page.getByRole('button', { name: 'Zelf oppakken' }).click();
  await expect(page.locator('.loket-case-handler')).toContainText('demo-backoffice-enschede');
  const status = page.getByRole('form', { name: 'Status wijzigen' });
  await status
    .getByRole('combobox', { name: 'Nieuwe status' })
    .selectOption({ label: 'In behandeling' });
  await status
    .getByRole('textbox', { name: 'Uitleg voor de inwoner' })
    .fill('Uw plan is compleet. Een vergunningverlener beoordeelt het nu.');
  await status.getByRole('textbox', { name: 'Interne opmerking' }).fill('Welstand vragen');
  await status.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.locator('.loket-case-status')).toHaveText('In behandeling');
  await expect(page.getByRole('region', { name: 'Journaal' })).toContainText('Welstand vragen');
  await expect(steps.locator('[aria-current="step"]')).toContainText('In behandeling');
  await expect(steps.locator('[aria-current="step"]')).toContainText('Uw plan is compleet.');
  await expect(residentPage.getByText('Welstand vragen')).toHaveCount(0);

  const decide = page.getByRole('form', { name: 'Besluiten' });
  await decide.getByRole('combobox', { name: 'Uitkomst' }).selectOption({ label: 'Verleend' });
  await decide
    .getByRole('textbox', { name: 'Motivering voor de inwoner' })
    .fill('Uw serre past in het omgevingsplan.');
  await decide.getByRole('button', { name: 'Besluit nemen' }).click();
  await expect(page.getByRole('region', { name: 'Besluit: Verleend' })).toBeVisible();
  await expect(residentPage.getByRole('region', { name: 'Besluit: Verleend' })).toContainText(
    'Uw serre past',
  );
  await keepScreenshot(page, 'console-case', info.project.name);

  // The callback is done.
  await page.getByRole('link', { name: 'Terugbellen' }).first().click();
  const open = page.getByRole('article').filter({ hasText: marker });
  await open
    .getByRole('textbox', { name: 'Wat is er uitgekomen?' })
    .fill('Besluit toegelicht aan de inwoner.');
  await open.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByRole('article').filter({ hasText: marker })).toHaveCount(0);
  await residentContext.close();
});

test('two handlers change the same case: one wins, the other sees what changed and loses nothing', async ({
  page,
  browser,
  loket,
}) => {
  const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 1 });
  const permit = await newBuildingPermit(
    page.request,
    loket.base,
    resident.token,
    `Een carport ${randomUUID()}`,
  );
  const other = await browser.newContext({ baseURL: loket.base });
  const colleague = await other.newPage();
  for (const p of [page, colleague]) {
    await staffLogin(p, 'enschede', 'backoffice');
    await p.goto(`/enschede/medewerker/zaken/${permit.reference}`);
    await expect(p.locator('.loket-case-status')).toHaveText('Ontvangen');
  }

  const mine = 'Eerst de buren horen.';
  const form = page.getByRole('form', { name: 'Status wijzigen' });
  await form.getByRole('textbox', { name: 'Uitleg voor de inwoner' }).fill(mine);

  const theirs = colleague.getByRole('form', { name: 'Status wijzigen' });
  await theirs
    .getByRole('combobox', { name: 'Nieuwe status' })
    .selectOption({ label: 'In behandeling' });
  await theirs.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(colleague.locator('.loket-case-status')).toHaveText('In behandeling');

  await form.getByRole('button', { name: 'Status wijzigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deze zaak is intussen gewijzigd' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Status: Ontvangen → In behandeling');
  await expectAccessible(page, 'the conflict dialog');
  await dialog.getByRole('button', { name: 'Opnieuw laden' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.loket-case-status')).toHaveText('In behandeling');
  await expect(form.getByRole('textbox', { name: 'Uitleg voor de inwoner' })).toHaveValue(mine);

  const journal = await graphql<{
    case: { status: { code: string }; journal: { kind: string }[] };
  }>(
    page.request,
    loket.base,
    loket.backoffice.enschede,
    'query ($r: String!) { case(reference: $r) { status { code } journal { kind } } }',
    { r: permit.reference },
  );
  expect(journal.case.status.code).toBe('in-review');
  expect(journal.case.journal.filter((e) => e.kind === 'status')).toHaveLength(2);
  await other.close();
});

for (const [tenant, shows] of [
  ['enschede', true],
  ['haarlem', false],
] as const) {
  test(`${tenant}'s front office ${shows ? 'sees' : 'does not see'} the decision, as its policy says`, async ({
    page,
    loket,
  }) => {
    const resident = await demoToken(page.request, loket.base, tenant, { persona: 1 });
    const backoffice = await demoToken(page.request, loket.base, tenant, { role: 'backoffice' });
    const permit = await newBuildingPermit(
      page.request,
      loket.base,
      resident.token,
      `Een tuinhuis ${randomUUID()}`,
    );
    await graphql(
      page.request,
      loket.base,
      backoffice.token,
      'mutation ($i: DecideCaseInput!) { decideCase(input: $i) { case { id } } }',
      {
        i: {
          caseId: permit.id,
          outcome: 'granted',
          explanation: 'Past in het omgevingsplan.',
          expectedVersion: permit.version,
        },
      },
    );

    await staffLogin(page, tenant, 'frontoffice');
    await page.getByRole('link', { name: 'Inwoner zoeken' }).first().click();
    await page.getByRole('textbox', { name: 'Burgerservicenummer' }).fill(resident.bsn ?? '');
    await page.getByRole('button', { name: 'Openen' }).click();
    const item = page.getByRole('article').filter({ hasText: permit.reference });
    await expect(item).toBeVisible();
    if (shows) {
      await expect(item.getByText('Besluit', { exact: true })).toBeVisible();
      await expect(item.locator('.loket-case-decision-name')).toHaveText('Verleend');
    } else {
      await expect(item.getByText('Status', { exact: true })).toBeVisible();
      await expect(item.getByText('Besluit', { exact: true })).toHaveCount(0);
      await expect(item).not.toContainText('Verleend');
    }
    // The front office never gets the back office's actions.
    await item.getByRole('link', { name: 'Omgevingsvergunning bouwen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(permit.reference);
    await expect(page.getByRole('button', { name: 'Besluit nemen' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Besluit: Verleend' })).toHaveCount(
      shows ? 1 : 0,
    );
  });
}

test('the case page warns when decisions at the same address disagree, and names whom to call', async ({
  page,
  loket,
}) => {
  const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 1 });
  const made = await graphql<{
    submitRequest: {
      cases: { id: string; reference: string; version: number; caseType: { code: string } }[];
    };
  }>(
    page.request,
    loket.base,
    resident.token,
    'mutation ($i: SubmitRequestInput!) { submitRequest(input: $i) { cases { id reference version caseType { code } } } }',
    {
      i: {
        products: ['omgevingsvergunning', 'uitritvergunning'],
        description: `Een aanbouw met een oprit ${randomUUID()}`,
      },
    },
  );
  for (const c of made.submitRequest.cases) {
    const granted = c.caseType.code === 'building-permit';
    await graphql(
      page.request,
      loket.base,
      loket.backoffice.enschede,
      'mutation ($i: DecideCaseInput!) { decideCase(input: $i) { case { id } } }',
      {
        i: {
          caseId: c.id,
          outcome: granted ? 'granted' : 'refused',
          explanation: granted ? 'Past in het omgevingsplan.' : 'De stoep is hier te smal.',
          expectedVersion: c.version,
        },
      },
    );
  }
  const building = made.submitRequest.cases.find((c) => c.caseType.code === 'building-permit');
  await staffLogin(page, 'enschede', 'backoffice');
  await page.goto(`/enschede/medewerker/zaken/${building?.reference ?? ''}`);
  const warning = page.locator('.loket-integral');
  await expect(warning).toContainText('Besluiten op dit adres spreken elkaar tegen');
  await expect(warning).toContainText('openbare-ruimte');
  await expect(warning).toContainText('vergunningen');
  await expectAccessible(page, 'a case with the integral warning');
});
