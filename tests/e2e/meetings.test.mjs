// Browser test of meetings (issue 6): a secretary creates two cases and a meeting,
// builds the agenda from them (reordering with buttons, by keyboard), writes an item,
// publishes, records decisions with a preset and free text (and who did not take part
// in an item, issue 14), records attendance and
// approves the minutes; the public then reads the open item and only the number and
// title of the closed one. Pages pass axe; screenshots saved.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer, chromiumArgs, signIn } from './server.mjs';
import { chromium, step, assert, axe, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });
const today = new Date();
const dd = String(today.getDate()).padStart(2, '0');
const mm = String(today.getMonth() + 1).padStart(2, '0');
const todayText = `${dd}-${mm}-${today.getFullYear()}`;
let meetingUrl = '';
const absenceLine = 'Diana Therese Mikkelsen (Æ) deltog ikke under behandling af punktet på grund af inhabilitet.';
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  await signIn(page, server, 'sekretaer', '/sager');

  await step('the secretary creates two cases; a duplicate number is refused clearly', async () => {
    for (const [number, title, route, closed] of [['26/1001', 'Anlæg af cykelsti (e2e)', 'ØK → KB', false],
      ['26/1002', 'Personalesag (e2e)', 'ØK', true]]) {
      await page.fill('#c-number', number);
      await page.fill('#c-title', title);
      await page.fill('#c-route', route);
      if (closed) await page.check('input[name=closed]');
      await Promise.all([page.waitForNavigation(), page.click('form[action="/sager"] button[type=submit]')]);
      await page.getByText('Sagen er oprettet.').waitFor();
    }
    await page.fill('#c-number', '26/1001');
    await page.fill('#c-title', 'Igen');
    await page.fill('#c-route', 'ØK');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/sager"] button[type=submit]')]);
    await page.getByText('Sagsnummeret 26/1001 findes allerede.').first().waitFor();
    await axe(page, 'cases page with error');
  });

  await step('the secretary creates a meeting of ØK and puts both cases on its agenda', async () => {
    await page.goto(`${server.url}/moeder`);
    await page.selectOption('#n-body', 'ØK');
    await page.fill('#n-date', todayText);
    await page.fill('#n-start', '08:00');
    await page.fill('#n-end', '09:00');
    await page.fill('#n-place', 'Rådhuset, mødelokale 3');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Opret møde' }).click()]);
    meetingUrl = page.url().split('?')[0];
    for (const number of ['26/1001', '26/1002']) {
      await page.fill('#add-case', number);
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sæt på dagsordenen' }).click()]);
    }
    const headings = await page.locator('section.agenda-item h3').allTextContents();
    assert(headings.length === 2 && headings[0].includes('Anlæg af cykelsti'), `agenda: ${headings}`);
  });

  await step('the agenda is reordered with the buttons and by keyboard', async () => {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Flyt punkt 1 ned' }).click()]);
    let headings = await page.locator('section.agenda-item h3').allTextContents();
    assert(headings[0].includes('Personalesag'), `after moving down: ${headings}`);
    await page.getByRole('button', { name: 'Flyt punkt 2 op' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    headings = await page.locator('section.agenda-item h3').allTextContents();
    assert(headings[0].includes('Anlæg af cykelsti'), `after moving up by keyboard: ${headings}`);
  });

  await step('the secretary writes the open item and adds an attachment', async () => {
    await page.getByRole('link', { name: 'Rediger punkt 1' }).click();
    await page.getByLabel('Sagsfremstilling').fill('Cykelstien langs Østervej anlægges i 2026.');
    await page.getByLabel('Indstilling', { exact: true }).fill('Direktøren indstiller, at anlægget godkendes.');
    await page.fill('#a-from', '08:00');
    await page.fill('#a-to', '08:30');
    await axe(page, 'agenda item form');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gem punktet' }).click()]);
    await page.getByText('Cykelstien langs Østervej').waitFor();
    await page.getByText('Tilføj bilag til punkt 1').click();
    const form = page.locator('section.agenda-item').first();
    await form.locator('input[name=titel]').fill('Kort over cykelstien');
    await form.locator('input[name=fil]').setInputFiles({ name: 'kort.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% e2e\n') });
    await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: 'Tilføj bilag' }).click()]);
    await page.getByRole('link', { name: '1. Kort over cykelstien', exact: true }).waitFor();
    await page.screenshot({ path: 'screenshots/meeting-prepare.png', fullPage: true });
    await axe(page, 'meeting page (secretary)');
  });

  await step('publishing the agenda; a later edit needs a reason and shows as a revision', async () => {
    // Issue 14: a confirmation page lists what will be published and warns of items without text.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Offentliggør dagsordenen …' }).click()]);
    await page.getByRole('heading', { level: 1, name: /^Offentliggør dagsordenen til/ }).waitFor();
    await axe(page, 'publish confirmation');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Ja, offentliggør dagsordenen' }).click()]);
    await page.getByText('Dagsordenen er offentliggjort').first().waitFor();
    assert(await page.getByRole('button', { name: /Flyt punkt/ }).count() === 0, 'reordering offered after publishing');
    await page.getByRole('link', { name: 'Rediger punkt 1' }).click();
    await page.getByLabel('Sagsfremstilling').fill('Cykelstien langs Østervej anlægges i 2026 og 2027.');
    await page.click('button:has-text("Gem punktet")');
    await page.getByText('Skriv en begrundelse for ændringen').first().waitFor();
    await page.fill('#a-reason', 'Tidsplanen er rettet.');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gem punktet' }).click()]);
    await page.getByText('Ændret efter offentliggørelsen (1)').waitFor();
  });

  await step('decisions are recorded with a preset and with free text, then the minutes approved', async () => {
    const items = page.locator('section.agenda-item');
    await items.nth(0).getByText('Beslutning på punkt 1').click();
    await items.nth(0).locator('select[name=standard]').selectOption('Godkendt.');
    // Issue 14: a member who did not take part in this item (inhabil), chosen by name.
    await items.nth(0).getByText('Deltog alle i behandlingen?').click();
    await items.nth(0).getByLabel('Diana Therese Mikkelsen (Æ)').selectOption('inhabil');
    await axe(page, 'decision form with per-item attendance');
    await Promise.all([page.waitForNavigation(), items.nth(0).getByRole('button', { name: 'Gem beslutning' }).click()]);
    await page.locator('section.agenda-item').nth(0).getByText(absenceLine).waitFor();
    await page.locator('section.agenda-item').nth(1).getByText('Beslutning på punkt 2').click();
    await page.locator('section.agenda-item').nth(1).locator('textarea[name=beslutning]').fill('Drøftet. Sagen genoptages.');
    await Promise.all([page.waitForNavigation(),
      page.locator('section.agenda-item').nth(1).getByRole('button', { name: 'Gem beslutning' }).click()]);
    await page.getByText('Drøftet. Sagen genoptages.').first().waitFor();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Godkend protokollen' }).click()]);
    await page.locator('p.state', { hasText: 'Protokollen er godkendt' }).waitFor();
    await page.getByRole('heading', { name: 'Underskriftsside' }).waitFor();
    await page.screenshot({ path: 'screenshots/meeting-minutes.png', fullPage: true });
    await axe(page, 'approved minutes (secretary)');
  });

  await step('the public reads the open item and only the number and title of the closed one', async () => {
    const anon = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
    const p = await anon.newPage();
    await p.goto(meetingUrl);
    await p.getByText('Cykelstien langs Østervej').first().waitFor();
    await p.getByText('Personalesag (e2e)').first().waitFor();
    assert(await p.getByText('Drøftet. Sagen genoptages.').count() === 0, 'closed decision shown to the public');
    await p.locator('section.agenda-item').nth(0).getByText(absenceLine).waitFor();
    assert(await p.getByRole('button', { name: /Offentliggør|Godkend|Gem/ }).count() === 0, 'preparer buttons for the public');
    await p.screenshot({ path: 'screenshots/meeting-public.png', fullPage: true });
    await axe(p, 'public meeting page');
    const pdf = await p.request.get(`${meetingUrl}/protokol.pdf`);
    assert(pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'minutes PDF');
    writeFileSync('screenshots/minutes-e2e.pdf', await pdf.body());
    const pdfText = execFileSync('pdftotext', ['-layout', 'screenshots/minutes-e2e.pdf', '-']).toString().replace(/\s+/g, ' ');
    assert(pdfText.includes(absenceLine), 'the minutes PDF prints who did not take part in the item');
    await anon.close();
  });

  await step('the overview, portfolio, workplan and meeting list pass axe for the public', async () => {
    const anon = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
    const p = await anon.newPage();
    for (const [path, heading] of [['/overblik', 'Gennemgang af portefølje og kommende tre ugers møder'],
      ['/organer/%C3%98K/portefoelje', 'Økonomiudvalget: portefølje'],
      ['/organer/%C3%98K/arbejdsplan?aar=2025', 'Økonomiudvalget: arbejdsplan 2025'], ['/moeder', 'Møder']]) {
      await p.goto(`${server.url}${path}`);
      await p.getByRole('heading', { level: 1, name: heading }).waitFor();
      await axe(p, path);
    }
    await p.goto(`${server.url}/organer/%C3%98K/arbejdsplan?aar=2025`);
    await p.screenshot({ path: 'screenshots/workplan.png', fullPage: true });
    await anon.close();
  });
} finally {
  await browser.close();
  server.stop();
}
finish();
