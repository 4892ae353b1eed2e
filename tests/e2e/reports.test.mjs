// Browser test of a reporting round and its reports (issue 11): økonomi opens a round, a
// head of department sees "afventer status" on their items and reports, a director
// highlights an item for ØK, økonomi closes the round (publishing its version) and
// downloads the half-yearly status as PDF and XLSX. Pages pass axe at 1280 px and the
// round and report pages at 375 px without the page scrolling sideways; screenshots saved.
import { mkdirSync } from 'node:fs';
import { startServer, chromiumArgs, signedIn } from './server.mjs';
import { chromium, step, assert, axe, narrow, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });
const roundName = 'Budgetopfølgning 3 pr. 30.09.2025';
let roundUrl = '';
let itemTitle = '';

const as = (username, next) => signedIn(browser, server, username, next);

try {
  const okonomi = await as('okonomi', '/planer/1/statusrunder');
  await step('økonomi opens a round; errors stand beside their fields', async () => {
    const { page } = okonomi;
    await page.fill('#r-name', '');
    await page.fill('#r-cutoff', '31-02-2025');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Åbn statusrunde' }).click()]);
    await page.getByText('Giv runden et navn').first().waitFor();
    await page.getByText('Skriv fristen som dd-mm-åååå').first().waitFor();
    await axe(page, 'round form with errors');
    await page.fill('#r-name', roundName);
    await page.fill('#r-cutoff', '30-09-2025');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Åbn statusrunde' }).click()]);
    await page.getByText('Statusrunden er åbnet.').waitFor();
    roundUrl = page.url().split('?')[0];
    await axe(page, 'round page (økonomi)');
    await page.screenshot({ path: 'screenshots/round-okonomi.png', fullPage: true });
    await narrow(page, 'round');
  });

  await step('the head of department sees "afventer status" on their items and reports on one', async () => {
    const { page } = await as('fagchef', new URL(roundUrl).pathname);
    await page.getByRole('heading', { name: 'Mine punkter i runden' }).waitFor();
    const mine = page.locator('ul.mine li');
    assert(await mine.count() > 3, 'the BUU items are the fagchef\'s');
    const first = mine.first();
    assert((await first.textContent()).includes('afventer status'), 'awaiting status');
    itemTitle = (await first.locator('a').textContent()).trim();
    await Promise.all([page.waitForNavigation(), first.locator('a').click()]);
    await page.getByText('Afventer status', { exact: true }).first().waitFor();
    await page.getByText('Ny statusopdatering', { exact: true }).click();
    await page.fill('#s-status_text', 'Status til budgetopfølgning 3: fremdrift som planlagt (e2e).');
    await page.selectOption('#s-traffic_light', 'green');
    await page.fill('#s-realised_2025', '-100');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gem statusopdatering' }).click()]);
    await page.getByText('Status givet i statusrunden').waitFor();
    await axe(page, 'item page after reporting');
    await page.goto(roundUrl);
    const reported = page.locator('ul.mine li', { hasText: itemTitle });
    assert((await reported.textContent()).includes('status givet'), 'the round counts the report');
  });

  await step('a director highlights the item for ØK, with a reason', async () => {
    const { page } = await as('direktion', new URL(roundUrl).pathname);
    await page.getByRole('heading', { name: 'Fremhæv et punkt' }).waitFor();
    const option = page.locator('#h-item option', { hasText: itemTitle });
    await page.selectOption('#h-item', await option.getAttribute('value'));
    // The browser asks for the reason itself; without that help the server says it too.
    await page.locator('#h-reason').evaluate((e) => e.removeAttribute('required'));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Fremhæv for ØK' }).click()]);
    await page.getByText('Skriv kort, hvorfor punktet skal fremhæves for ØK.').first().waitFor();
    await page.fill('#h-reason', 'Forløbet bør fortsætte i 2026 (e2e).');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Fremhæv for ØK' }).click()]);
    await page.getByText('Punktet er fremhævet for ØK.').waitFor();
    await page.getByText('Forløbet bør fortsætte i 2026 (e2e).').waitFor();
    await axe(page, 'round page (director)');
  });

  await step('økonomi closes the round after a confirmation, publishing its version', async () => {
    const { page } = okonomi;
    await page.goto(roundUrl);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Luk runden …' }).click()]);
    await page.getByText(`Offentliggør versionen «${roundName}» pr. 30-09-2025`).waitFor();
    await axe(page, 'close confirmation');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Luk runden' }).click()]);
    await page.getByText('Statusrunden er lukket.').waitFor();
    await page.getByRole('link', { name: roundName }).first().waitFor();
  });

  await step('økonomi reads the half-yearly status and downloads it as PDF and XLSX', async () => {
    const { page, context } = okonomi;
    await page.goto(`${server.url}/planer/1/rapporter/half-year`);
    await page.getByRole('heading', { name: 'Halvårsstatus til ØK – Udmøntningsplan 2025-2028' }).waitFor();
    await page.getByText(`Statusrunde`).first().waitFor();
    await page.getByText('Forløbet bør fortsætte i 2026 (e2e).').first().waitFor();
    await axe(page, 'half-yearly status page');
    await page.screenshot({ path: 'screenshots/half-year.png', fullPage: true });
    for (const [label, type, magic] of [['PDF', 'application/pdf', '%PDF'],
      ['Excel (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK']]) {
      const href = await page.getByRole('link', { name: label, exact: true }).getAttribute('href');
      const res = await context.request.get(server.url + href);
      assert(res.status() === 200, `${label}: HTTP ${res.status()}`);
      assert(res.headers()['content-type'] === type, `${label}: ${res.headers()['content-type']}`);
      const body = await res.body();
      assert(body.subarray(0, magic.length).toString('latin1') === magic, `${label}: not a ${label} file`);
      assert(body.length > 5000, `${label}: only ${body.length} bytes`);
    }
    await narrow(page, 'half-year');
  });

  await step('the public reads the new version\'s half-yearly status without internal notes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/planer/1/rapporter/half-year`);
    await page.locator('main p.lead', { hasText: roundName }).waitFor();
    const text = await page.locator('main').textContent();
    assert(!text.includes('Licitationen kom 18 % over budget'), 'an internal OBS note reached the public');
    await axe(page, 'half-yearly status (public)');
  });
} finally {
  await browser.close();
  server.stop();
}
finish();
