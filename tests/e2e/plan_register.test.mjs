// Browser test of the plan register (issue 3): a finance officer creates an item through
// the form, edits it, finds it through a filter and sees it on the committee page. Also
// runs axe-core (WCAG 2.1 A/AA) on the plan page and the form, and saves screenshots.
import { mkdirSync } from 'node:fs';
import { startServer, chromiumArgs, signIn } from './server.mjs';
import { chromium, step, assert, axe, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });
try {
  // bypassCSP lets the test inject axe-core; the site's own CSP forbids inline scripts.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'da-DK', bypassCSP: true });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const title = `E2E-punkt ${Date.now()}`;
  let itemUrl = '';

  await step('plan page opens and passes axe', async () => {
    await signIn(page, server, 'okonomi', '/');  // «Mit overblik» (issue 14) leads to the plan
    await Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('link', { name: 'Udmøntningsplan 2025-2028', exact: true }).first().click()]);
    await page.getByRole('heading', { level: 1, name: 'Udmøntningsplan 2025-2028' }).waitFor();
    await page.screenshot({ path: 'screenshots/plan.png', fullPage: true });
    await axe(page, 'plan page');
  });

  await step('form refuses bad input and keeps it', async () => {
    await page.getByRole('link', { name: 'Nyt punkt' }).click();
    await axe(page, 'new item form');
    await page.getByLabel('Udvalg').selectOption('BUU');
    await page.getByLabel('2025', { exact: true }).fill('12,5,0');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('heading', { name: 'Punktet er ikke gemt' }).waitFor();
    assert(await page.getByLabel('2025', { exact: true }).inputValue() === '12,5,0', 'amount input kept');
    assert(await page.getByText('Punktet skal have en titel.').count() > 0, 'title message shown');
    await page.screenshot({ path: 'screenshots/form-errors.png', fullPage: true });
    await axe(page, 'form with errors');
  });

  await step('creates an item through the form', async () => {
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('2025', { exact: true }).fill('-250');
    await page.getByLabel('Ansvarlig', { exact: true }).fill('Fagchef Æblerød');
    await page.getByLabel('Politisk behandling').fill('BUU: september 2025');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Punktet er gemt.').waitFor();
    itemUrl = page.url().split('?')[0];
    assert(await page.getByRole('heading', { level: 1, name: title }).count() === 1, 'item heading');
  });

  await step('edits the item', async () => {
    await page.getByRole('link', { name: 'Redigér' }).click();
    await page.getByLabel('Titel').fill(`${title} redigeret`);
    await page.getByLabel('Fremdrift').selectOption('in_progress');
    await page.getByLabel('Trafiklys').selectOption('yellow');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Punktet er gemt.').waitFor();
    assert(await page.getByText('Gul – i risiko').count() > 0, 'traffic light shown');
  });

  await step('finds it through filters kept in the URL', async () => {
    await page.goto(`${server.url}/planer/1`);
    await page.getByLabel('Fritekst').fill('redigeret');
    await page.getByLabel('Udvalg').selectOption('BUU');
    await page.getByLabel('Fremdrift').selectOption('in_progress');
    await page.getByRole('button', { name: 'Filtrér' }).click();
    const url = new URL(page.url());
    assert(url.searchParams.get('committee') === 'BUU' && url.searchParams.get('q') === 'redigeret', `filters in URL: ${url}`);
    await page.getByRole('link', { name: `${title} redigeret` }).waitFor();
    assert(await page.getByText('1 punkt matcher filteret').count() === 1, 'one match');
    // The bookmarked URL gives the same view.
    const again = await context.newPage();
    await again.goto(page.url());
    assert(await again.getByRole('link', { name: `${title} redigeret` }).count() === 1, 'bookmark reproduces view');
    await again.close();
  });

  await step('sees it on the committee page with the cross-cutting items', async () => {
    await page.goto(`${server.url}/planer/1/udvalg/BUU`);
    await page.getByRole('link', { name: `${title} redigeret` }).waitFor();
    assert(await page.getByRole('link', { name: 'Aktindsigt' }).count() === 1, 'cross-cutting ØK item listed');
    await page.screenshot({ path: 'screenshots/committee-buu.png', fullPage: true });
    await axe(page, 'committee page');
  });

  await step('the committee extract prints on a few landscape pages (regression: 63 pages)', async () => {
    await page.goto(`${server.url}/planer/1/udvalg/BUU`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert(pages >= 1 && pages <= 12, `printed pages: ${pages}`);
  });

  await step('item page passes axe and shows text, not markup', async () => {
    await page.goto(itemUrl);
    await axe(page, 'item page');
  });

  await step('history, versions, redline and setup pages pass axe', async () => {
    await page.goto(`${itemUrl}/historik`);
    await axe(page, 'history page');
    await page.goto(`${server.url}/planer/1/versioner`);
    await axe(page, 'versions page');
    await page.goto(`${server.url}/planer/1/aendringer?from=1&to=now`);
    await page.getByRole('heading', { name: 'Ændrede punkter' }).waitFor();
    await axe(page, 'redline page');
    await page.goto(`${server.url}/planer/1/versioner/1`);
    await axe(page, 'version view');
    await page.goto(`${server.url}/planer/1/opsaetning`);
    await axe(page, 'setup page');
    await page.goto(itemUrl);
    await page.getByText('Ny statusopdatering').click();
    await axe(page, 'item page with the status form open');
  });
} finally {
  await browser.close();
  server.stop();
}
finish();
