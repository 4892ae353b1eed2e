// Browser test of people and access (issue 5): the public meets a denied page and the
// public version; a politician signs in (after a wrong password), is refused the
// set-up page, and signs out; an administrator's pages pass axe. Screenshots saved.
import { mkdirSync } from 'node:fs';
import { startServer, chromiumArgs } from './server.mjs';
import { chromium, step, assert, axe, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();

  await step('the public is refused the live plan with a way to sign in', async () => {
    const res = await page.goto(`${server.url}/planer/1`);
    assert(res.status() === 403, `status ${res.status()}`);
    await page.getByRole('heading', { level: 1, name: 'Log ind for at se siden' }).waitFor();
    await page.screenshot({ path: 'screenshots/denied-public.png', fullPage: true });
    await axe(page, 'denied page');
  });

  await step('the public reads the published version without links into the live plan', async () => {
    await page.goto(`${server.url}/planer`);
    await page.getByRole('link', { name: 'Udmøntningsplan 2025-2028' }).click();
    await page.getByRole('link', { name: 'Status pr. ultimo februar 2025' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert(await page.locator('a[href^="/emner/"]').count() === 0, 'links to live items');
    await page.screenshot({ path: 'screenshots/public-version.png' });
    await axe(page, 'public version');
  });

  await step('a wrong password gives one clear message; the right one comes back to the page asked for', async () => {
    await page.goto(`${server.url}/planer/1`);
    await page.getByRole('link', { name: 'Log ind' }).first().click();
    await page.fill('#si-user', 'politiker');
    await page.fill('#si-pass', 'forkert-adgangskode');
    await page.click('main button[type=submit]');
    await page.getByText('Forkert brugernavn eller adgangskode.').waitFor();
    await axe(page, 'sign-in page with error');
    await page.screenshot({ path: 'screenshots/sign-in-error.png' });
    await page.fill('#si-user', 'politiker');
    await page.fill('#si-pass', server.passwords.politiker);
    await Promise.all([page.waitForURL(`${server.url}/planer/1`), page.click('main button[type=submit]')]);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByText('Ole Bæk').waitFor();
    assert(await page.getByRole('link', { name: 'Nyt punkt' }).count() === 0, 'a politician is offered "Nyt punkt"');
  });

  await step('a politician is denied the set-up page', async () => {
    const res = await page.goto(`${server.url}/planer/1/opsaetning`);
    assert(res.status() === 403, `status ${res.status()}`);
    await page.getByText('Din rolle giver ikke adgang').waitFor();
    await page.screenshot({ path: 'screenshots/denied-politician.png' });
    await axe(page, 'denied page (signed in)');
  });

  await step('signing out ends the session', async () => {
    await page.goto(`${server.url}/planer/1`);
    await Promise.all([page.waitForURL(/\/log-ind\?ud=1/), page.getByRole('button', { name: 'Log ud' }).click()]);
    await page.getByText('Du er logget ud.').waitFor();
    const res = await page.goto(`${server.url}/planer/1`);
    assert(res.status() === 403, `after sign-out: ${res.status()}`);
  });

  await step('the administrator pages pass axe', async () => {
    await page.goto(`${server.url}/log-ind?next=%2Fadmin%2Fbrugere`);
    await page.fill('#si-user', 'administrator');
    await page.fill('#si-pass', server.passwords.administrator);
    await Promise.all([page.waitForURL(`${server.url}/admin/brugere`), page.click('main button[type=submit]')]);
    await page.screenshot({ path: 'screenshots/admin-users.png', fullPage: true });
    await axe(page, 'users page');
    await page.getByRole('link', { name: 'Ole Bæk' }).click();
    await page.getByRole('heading', { name: 'Medlemskaber af organer' }).waitFor();
    await page.screenshot({ path: 'screenshots/admin-user.png', fullPage: true });
    await axe(page, 'user page');
    await page.goto(`${server.url}/admin/log`);
    await page.getByText('Mislykket login').first().waitFor();
    await axe(page, 'audit log');
    await page.goto(`${server.url}/organer/%C3%98K/medlemmer?dato=10-06-2025`);
    await page.getByRole('main').getByText('Ole Bæk').first().waitFor();
    await axe(page, 'members page');
  });
} finally {
  await browser.close();
  server.stop();
}
finish();
