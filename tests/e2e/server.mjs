// Starts the real budgetspor binary on port 0 with a fresh SQLite file and the demo.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startServer() {
  const bin = process.env.BUDGETSPOR_BIN;
  if (!bin) throw new Error('BUDGETSPOR_BIN is not set');
  const dir = mkdtempSync(join(tmpdir(), 'budgetspor-e2e-'));
  const db = join(dir, 'e2e.db');
  // The demo prints each demo user's password once: keep them for signing in.
  const demoOut = execFileSync(bin, ['demo', '--db', db], { encoding: 'utf8' });
  const passwords = {};
  for (const m of demoOut.matchAll(/^ {2}(\S+) {2}(\S+) {2}\(/gm)) passwords[m[1]] = m[2];
  const child = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('server did not print its URL within 10 s')), 10000);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const m = buffer.match(/(http:\/\/[\d.]+:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    passwords,
    stop() { child.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); },
  };
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Signs in through the sign-in page as `username` and waits for the page asked for.
export async function signIn(page, server, username, next = '/planer/1') {
  await page.goto(`${server.url}/log-ind?next=${encodeURIComponent(next)}`);
  await page.fill('#si-user', username);
  await page.fill('#si-pass', server.passwords[username]);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

// A new 1280 px Danish browser context signed in as `username`, on the page `next`.
export async function signedIn(browser, server, username, next) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', bypassCSP: true });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  await signIn(page, server, username, next);
  return { context, page };
}
