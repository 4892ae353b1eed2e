// Browser test of the stale-edit flow (issue 4): two people open the same item in two
// browser contexts; the first saves; the second's save is refused with 409, their own
// input kept, and the other person's change shown beside it. Both edits end in history.
import { mkdirSync } from 'node:fs';
import { startServer, chromiumArgs, signIn } from './server.mjs';
import { chromium, step, assert, axe, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
mkdirSync('screenshots', { recursive: true });
try {
  const anne = await (await browser.newContext({ locale: 'da-DK', bypassCSP: true })).newPage();
  const bo = await (await browser.newContext({ locale: 'da-DK', bypassCSP: true })).newPage();
  anne.setDefaultTimeout(10000);
  bo.setDefaultTimeout(10000);
  await signIn(anne, server, 'okonomi');
  await signIn(bo, server, 'administrator');
  const item = await (await anne.context().request.get(`${server.url}/api/v1/plans/1/items?q=Aktindsigt`)).json();
  const id = item.items[0].id;

  await step('both open the edit form of the same item', async () => {
    await anne.goto(`${server.url}/emner/${id}/rediger`);
    await bo.goto(`${server.url}/emner/${id}/rediger`);
    assert(await anne.getByLabel('Titel').inputValue() === 'Aktindsigt', 'title loaded');
  });

  await step('the first save lands', async () => {
    await anne.getByLabel('Status', { exact: true }).fill('Anne: ny proces er besluttet.');
    await anne.getByRole('button', { name: 'Gem' }).click();
    await anne.getByText('Punktet er gemt.').waitFor();
  });

  await step('the stale save is refused with both sides shown and the input kept', async () => {
    await bo.getByLabel('Status', { exact: true }).fill('Bo: afventer juridisk vurdering.');
    const [response] = await Promise.all([
      bo.waitForResponse((r) => r.url().endsWith(`/emner/${id}`) && r.request().method() === 'POST'),
      bo.getByRole('button', { name: 'Gem' }).click(),
    ]);
    assert(response.status() === 409, `status ${response.status()}`);
    await bo.getByText('En anden har gemt punktet').waitFor();
    const row = bo.locator('table.conflict-table tr', { hasText: 'Status' });
    assert((await row.textContent()).includes('Anne: ny proces er besluttet.'), 'their value shown');
    assert((await row.textContent()).includes('Bo: afventer juridisk vurdering.'), 'own value shown');
    assert(await bo.getByLabel('Status', { exact: true }).inputValue() === 'Bo: afventer juridisk vurdering.', 'input kept');
    await bo.screenshot({ path: 'screenshots/conflict.png', fullPage: true });
    await axe(bo, 'conflict page');
  });

  await step('saving again on top lands, and history holds both edits', async () => {
    await bo.getByRole('button', { name: 'Gem' }).click();
    await bo.getByText('Punktet er gemt.').waitFor();
    const history = await (await bo.context().request.get(`${server.url}/api/v1/items/${id}/history`)).json();
    const texts = history.entries.flatMap((e) => e.changes.filter((c) => c.field === 'status_text').map((c) => c.new));
    assert(texts.includes('Anne: ny proces er besluttet.') && texts.includes('Bo: afventer juridisk vurdering.'),
      `both edits in history: ${JSON.stringify(texts)}`);
  });
} finally {
  await browser.close();
  server.stop();
}
finish();
