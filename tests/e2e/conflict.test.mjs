// Browser test of the stale-edit flow (issue 4): two people open the same item in two
// browser contexts; the first saves; the second's save is refused with 409, their own
// input kept, and the other person's change shown beside it. Both edits end in history.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, chromiumArgs, signIn } from './server.mjs';

const require = createRequire(import.meta.url);
if (!existsSync('/usr/bin/chromium')) {
  console.log('SKIPPED: /usr/bin/chromium is not installed (run scripts/install-deps.sh)');
  process.exit(77);
}
const { chromium } = require('playwright-core');
const axeSource = (await import('node:fs')).readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let passed = 0, failed = 0;
async function step(name, fn) {
  try { await fn(); passed++; console.log(`ok - ${name}`); }
  catch (e) { failed++; console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 4).join('\n  ')}`); }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

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
    await anne.goto(`${server.url}/items/${id}/edit`);
    await bo.goto(`${server.url}/items/${id}/edit`);
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
      bo.waitForResponse((r) => r.url().endsWith(`/items/${id}`) && r.request().method() === 'POST'),
      bo.getByRole('button', { name: 'Gem' }).click(),
    ]);
    assert(response.status() === 409, `status ${response.status()}`);
    await bo.getByText('En anden har gemt punktet').waitFor();
    const row = bo.locator('table.conflict-table tr', { hasText: 'Status' });
    assert((await row.textContent()).includes('Anne: ny proces er besluttet.'), 'their value shown');
    assert((await row.textContent()).includes('Bo: afventer juridisk vurdering.'), 'own value shown');
    assert(await bo.getByLabel('Status', { exact: true }).inputValue() === 'Bo: afventer juridisk vurdering.', 'input kept');
    await bo.screenshot({ path: 'screenshots/conflict.png', fullPage: true });
    await bo.addScriptTag({ content: axeSource });
    const result = await bo.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const v = result.violations.map((x) => `${x.id}: ${x.nodes.length} × ${x.nodes[0]?.target}`);
    assert(v.length === 0, `conflict page axe violations: ${v.join('; ')}`);
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
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
