// Browser test of the imports (issue 13): økonomi uploads a plan sheet (semicolon CSV in
// Windows-1252), sees the proposed columns and the dry run, changes a column's field and
// sees the dry run follow, applies, finds the new item on the plan with its history as an
// import from the file, and uploading the same sheet again offers nothing to import with
// the mapping remembered. A head of department cannot reach the import page. A secretary
// pastes an agenda text into a KB meeting, reviews it and saves it. Pages pass axe at
// 1280 px and the import pages do not scroll sideways at 375 px; screenshots saved.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, chromiumArgs, signedIn } from './server.mjs';
import { chromium, step, assert, axe, narrow, finish } from './harness.mjs';

const sheet = fileURLToPath(new URL('../data/import/plan/semicolon_windows1252.csv', import.meta.url));
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });

const as = (username, next) => signedIn(browser, server, username, next);

// The select of the column whose header is `header` on the mapping page.
function columnSelect(page, header) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) }).locator('select');
}

async function upload(page) {
  await page.goto(`${server.url}/planer/1/import`);
  await page.setInputFiles('#fil-ark', sheet);
  await Promise.all([page.waitForNavigation(), page.getByRole('region', { name: 'Udmøntningsplan fra regneark' }).getByRole('button', { name: 'Upload og vis prøvekørsel' }).click()]);
  await page.getByRole('heading', { name: '1. Kolonner' }).waitFor();
}

try {
  const okonomi = await as('okonomi', '/planer/1/import');

  await step('økonomi sees the upload forms; the page passes axe and fits 375 px', async () => {
    const { page } = okonomi;
    await page.getByRole('heading', { name: 'Udmøntningsplan fra regneark' }).waitFor();
    await page.getByRole('heading', { name: 'Realiserede beløb fra økonomisystemet' }).waitFor();
    await axe(page, 'import page');
    await page.screenshot({ path: 'screenshots/import-upload.png', fullPage: true });
    await narrow(page, 'import-upload');
  });

  await step('the sheet is read: Windows-1252 said, columns proposed, the dry run shows rows to create', async () => {
    const { page } = okonomi;
    await upload(page);
    const body = await page.locator('main').textContent();
    assert(/Windows-1252/.test(body), 'the conversion from Windows-1252 is said');
    assert(await columnSelect(page, 'Nr.').inputValue() === 'code', 'Nr. is the code');
    assert(await columnSelect(page, 'Titel').inputValue() === 'title', 'Titel is the title');
    assert(await columnSelect(page, '2026').inputValue() === 'amount_2026', '2026 is the amount of 2026');
    assert(/Færre udbud – samlet indkøb/.test(body), 'a row of the sheet is in the dry run');
    await page.getByRole('heading', { name: '2. Prøvekørsel' }).waitFor();
    await axe(page, 'mapping and dry run');
    await page.screenshot({ path: 'screenshots/import-preview.png', fullPage: true });
    await narrow(page, 'import-preview');
  });

  await step('changing a column is kept and the dry run follows: without a title every row is a problem', async () => {
    const { page } = okonomi;
    assert(await page.locator('#problemer').count() === 0, 'no problems with the proposed mapping');
    await columnSelect(page, 'Titel').selectOption('ignore');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Vis prøvekørslen igen' }).click()]);
    await page.getByRole('heading', { name: '2. Prøvekørsel' }).waitFor();
    assert(await columnSelect(page, 'Titel').inputValue() === 'ignore', 'the choice stays');
    const problems = await page.locator('#problemer').textContent();
    assert(/Filen har \d+ problem/.test(problems), `the problems are summed up: ${problems}`);
    assert(await page.getByRole('button', { name: /^Importér \d+/ }).count() === 0, 'no import while there are problems');
    await axe(page, 'dry run with problems');
    // Back to the proposal for the import itself.
    await columnSelect(page, 'Titel').selectOption('title');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Vis prøvekørslen igen' }).click()]);
    assert(await page.locator('#problemer').count() === 0, 'the problems are gone');
  });

  await step('apply writes the items; the new item is on the plan with its history as an import', async () => {
    const { page } = okonomi;
    const apply = page.getByRole('button', { name: /^Importér \d+ ændring/ });
    assert(await apply.count() === 1, 'there is something to import');
    await Promise.all([page.waitForNavigation(), apply.click()]);
    await page.getByText('Importen er gennemført.').waitFor();
    await axe(page, 'import applied');
    await page.goto(`${server.url}/planer/1?q=${encodeURIComponent('Færre udbud')}`);
    const link = page.getByRole('link', { name: 'Færre udbud – samlet indkøb' }).first();
    await Promise.all([page.waitForNavigation(), link.click()]);
    const item = await page.locator('main').textContent();
    assert(item.includes('6.45.52-002'), 'the finance-system keys are on the item');
    await page.goto(page.url().split('?')[0] + '/historik');
    const history = await page.locator('main').textContent();
    assert(/semicolon_windows1252\.csv/.test(history), `the history names the file: ${history.slice(0, 400)}`);
  });

  await step('the same sheet again: the mapping is remembered and there is nothing to import', async () => {
    const { page } = okonomi;
    await upload(page);
    const body = await page.locator('main').textContent();
    assert(body.includes('sidst blev bekræftet'), 'the remembered mapping is said');
    assert(body.includes('Der er intet at importere'), 'nothing to import');
    assert(await page.getByRole('button', { name: /^Importér \d+/ }).count() === 0, 'no import button');
  });

  await step('a head of department cannot open the import page', async () => {
    const { page, context } = await as('fagchef', '/planer/1');
    const response = await page.goto(`${server.url}/planer/1/import`);
    assert(response.status() === 403, `status ${response.status()}`);
    await context.close();
  });

  await step('a secretary pastes an agenda text into a KB meeting, reviews it and saves it', async () => {
    const { page, context } = await as('sekretaer', '/moeder');
    const kb = page.getByRole('link', { name: /^Kommunalbestyrelsen \d/ }).first();
    await Promise.all([page.waitForNavigation(), kb.click()]);
    const meeting = page.url().split('?')[0];
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Importér dagsorden fra tekst' }).click()]);
    await page.fill('#ai-tekst', '1.  Bredbånd i landdistrikterne\n\n26/5300   Åben sag\n\nSagsgang\n\nKB\n\n'
      + 'Sagsfremstilling\n\nKommunen har fået tilsagn om statslig medfinansiering.\n\nIndstilling\n\nAt orienteringen tages til efterretning.\n');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Læs teksten' }).click()]);
    await page.getByRole('heading', { name: 'Punkterne' }).waitFor();
    assert((await page.locator('main').textContent()).includes('26/5300'), 'the case number is shown');
    await axe(page, 'agenda import review');
    await narrow(page, 'agenda-import');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gem i mødet' }).click()]);
    await page.goto(meeting);
    assert((await page.locator('main').textContent()).includes('Bredbånd i landdistrikterne'), 'the item is on the agenda');
    await context.close();
  });
} finally {
  await browser.close();
  server.stop();
}
finish();
