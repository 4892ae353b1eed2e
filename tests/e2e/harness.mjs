// What every browser test shares: the skip when chromium is missing, steps that
// report ok/not ok and go on, and axe-core (WCAG 2.1 A/AA) on the current page.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (!existsSync('/usr/bin/chromium')) {
  console.log('SKIPPED: /usr/bin/chromium is not installed (run scripts/install-deps.sh)');
  process.exit(77);
}
export const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const counts = { passed: 0, failed: 0 };
export async function step(name, fn) {
  try { await fn(); counts.passed++; console.log(`ok - ${name}`); }
  catch (e) { counts.failed++; console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 4).join('\n  ')}`); }
}
export function assert(cond, msg) { if (!cond) throw new Error(msg); }

export async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.length} × ${x.nodes[0]?.target}`);
  assert(v.length === 0, `${label}: axe violations:\n    ${v.join('\n    ')}`);
}

// Prints the summary and exits non-zero when a step failed.
export function finish() {
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

// Narrows the page to 375 px, fails when the page is wider than that, saves a full-page
// screenshot as screenshots/LABEL-375.png, and goes back to 1280 px.
export async function narrow(page, label) {
  await page.setViewportSize({ width: 375, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 375, `${label}: the page is ${width} px wide at 375 px`);
  await page.screenshot({ path: `screenshots/${label}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}
