import { chromium } from './harness.mjs';
import { chromiumArgs } from './server.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
for (const [name, url] of process.argv.slice(2).map((a) => a.split('='))) {
  await page.goto('http://127.0.0.1:8099' + decodeURIComponent(url));
  await page.screenshot({ path: `/tmp/bsdemo/${name}.png`, fullPage: true });
}
await browser.close();
