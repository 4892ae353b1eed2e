// Every page at 375 px and 1280 px (issue 14): crawls the site from the start page as the
// public and as each role (following every link, one page per address shape: digits
// stand for any id, so /emner/1 and /emner/2 are one page), and fails when a page is
// wider than the window or a table cell is narrower than its longest word (a word broken
// in the middle; a break after a hyphen or dash is a proper break). axe (WCAG 2.1 AA) runs on every one of those pages at 1280 px.
// Downloads (PDF, XLSX, CSV, iCalendar, attachments) and signing out are not followed.
import { startServer, chromiumArgs, signedIn } from './server.mjs';
import { chromium, step, assert, axe, finish } from './harness.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const skip = /format=(xlsx|csv|pdf)|\.pdf|\.ics|\.csv|\.xlsx|\/bilag\/\d+$|\/log-ud|^\/static\//;
const limit = 150;  // pages per role: the crawl has to end even if a page links endlessly

// The width problems of the page now open: [] when none.
async function problems(page, width) {
  return page.evaluate((w) => {
    const out = [];
    const sw = document.documentElement.scrollWidth;
    if (sw > w) out.push(`the page is ${sw} px wide`);
    for (const cell of document.querySelectorAll('td, th')) {
      if (!cell.offsetParent) continue;  // not displayed
      // A line may break at a space or after a hyphen or dash ("OBS-|punkt"): the parts
      // between those must not break.
      const words = cell.innerText.trim().split(/[\s\-\u2010\u2013\u2014\/]+/).filter((x) => x.length >= 4);
      if (!words.length) continue;
      const longest = words.reduce((a, x) => (x.length > a.length ? x : a));
      // The room is measured first; then the word, unbroken, in the cell's own style.
      const cs = getComputedStyle(cell);
      const room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.style.position = 'absolute';
      probe.textContent = longest;
      cell.appendChild(probe);
      const need = probe.getBoundingClientRect().width;
      probe.remove();
      if (room + 1 < need) out.push(`«${longest}» is broken in a ${Math.round(room)} px cell`);
      if (out.length > 3) break;
    }
    return out;
  }, width);
}

async function crawl(who) {
  let context, page;
  if (who) ({ context, page } = await signedIn(browser, server, who, '/'));
  else {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
    page = await context.newPage();
  }
  context.setDefaultTimeout(10000);
  const queue = ['/'], queued = new Set(['/']), shapes = new Set(), failures = [];
  let pages = 0;
  while (queue.length && pages < limit) {
    const url = queue.shift();
    const shape = url.replace(/\d+/g, 'N');
    if (shapes.has(shape)) continue;
    shapes.add(shape);
    let response;
    try { response = await page.goto(server.url + url); } catch { continue; }
    if (!(response.headers()['content-type'] || '').startsWith('text/html')) continue;
    pages++;
    for (const a of await page.$$eval('a[href^="/"]', (as) => as.map((x) => x.getAttribute('href')))) {
      const path = a.split('#')[0];
      if (!skip.test(path) && !queued.has(path)) { queued.add(path); queue.push(path); }
    }
    try { await axe(page, `${who || 'public'} ${url}`); } catch (e) { failures.push(e.message); }
    for (const p of await problems(page, 1280)) failures.push(`${url} at 1280 px: ${p}`);
    await page.setViewportSize({ width: 375, height: 800 });
    for (const p of await problems(page, 375)) failures.push(`${url} at 375 px: ${p}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await context.close();
  return { pages, failures };
}

try {
  for (const who of ['', 'okonomi', 'fagchef', 'direktion', 'sekretaer', 'politiker', 'administrator']) {
    await step(`every page ${who || 'the public'} reaches fits 375 and 1280 px and passes axe`, async () => {
      const { pages, failures } = await crawl(who);
      console.log(`  ${who || 'public'}: ${pages} pages`);
      assert(pages >= 20, `only ${pages} pages reached`);
      assert(failures.length === 0, failures.slice(0, 12).join('\n    '));
    });
  }
} finally {
  await browser.close();
  server.stop();
}
finish();
