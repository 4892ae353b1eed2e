// Browser test of the start pages and the meeting archive (issue 14): each role lands on
// «Mit overblik» after signing in and finds its own section there; the public home page
// names the municipality and leads to the published plan; a citizen finds a 2025 meeting's
// minutes through the archive and a case's page from the meeting. Every page passes axe
// at 1280 px and fits 375 px; screenshots of the start pages at both widths are kept in
// screenshots/ (start-ROLE-1280.png, start-ROLE-375.png).
import { mkdirSync } from 'node:fs';
import { startServer, chromiumArgs, signedIn } from './server.mjs';
import { chromium, step, assert, axe, narrow, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });

// The section each role must find on its start page.
const roles = [
  ['okonomi', 'Planen lige nu'],
  ['fagchef', 'Mine punkter'],
  ['direktion', 'Åbne OBS-punkter'],
  ['sekretaer', 'Møder under forberedelse'],
  ['politiker', 'Dine næste møder'],
];

try {
  for (const [who, section] of roles) {
    await step(`${who} lands on «Mit overblik» with «${section}»; axe; 375 px`, async () => {
      const { context, page } = await signedIn(browser, server, who, '/');
      assert(new URL(page.url()).pathname === '/', `${who} landed on ${page.url()}`);
      await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
      await axe(page, `start page of ${who}`);
      await page.screenshot({ path: `screenshots/start-${who}-1280.png`, fullPage: true });
      await narrow(page, `start-${who}`);
      await context.close();
    });
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();

  await step('the public home page names the municipality and links the published plan', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Norddjurs Kommune' }).waitFor();
    const plan = page.getByRole('region', { name: 'Planen' }).getByRole('link');
    assert((await plan.getAttribute('href')).includes('/versioner/'), 'the plan link is not a published version');
    await page.getByRole('heading', { level: 2, name: 'Seneste beslutninger' }).waitFor();
    await axe(page, 'public home page');
    await page.screenshot({ path: 'screenshots/start-public-1280.png', fullPage: true });
    await narrow(page, 'start-public');
  });

  await step('the archive reaches the 10 June 2025 ØK meeting and its minutes', async () => {
    await page.goto(`${server.url}/moeder`);
    await Promise.all([page.waitForNavigation(), page.getByRole('navigation', { name: 'Mødearkiv efter år' }).getByRole('link', { name: '2025' }).click()]);
    await page.getByRole('heading', { level: 2, name: 'Møder i 2025' }).waitFor();
    await axe(page, 'archive 2025');
    await narrow(page, 'archive-2025');
    const line = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Økonomiudvalget 10. juni 2025' }) });
    const minutes = await line.getByRole('link', { name: 'Beslutningsprotokol (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${server.url}${minutes}`);
    assert(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', `minutes: ${pdf.status()}`);
    await Promise.all([page.waitForNavigation(), line.getByRole('link', { name: 'Økonomiudvalget 10. juni 2025' }).click()]);
  });

  await step('the meeting links its case; the case page has each body\'s decision', async () => {
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '24/7615' }).first().click()]);
    await page.getByRole('heading', { level: 1, name: /^Sag 24\/7615/ }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Beslutning i Økonomiudvalget den 10-06-2025' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Beslutning i Direktionen den 04-06-2025' }).waitFor();
    await axe(page, 'case page');
    await narrow(page, 'case-24-7615');
  });
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
finish();
