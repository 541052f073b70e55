// npm run check:xss -- [--payloads N]: writes each script-injection attempt into every text
// field of an entry (and a flag comment), then opens the pages that show them in Chromium: the
// entry, its editor and history, search results, the category, the home page and the flags queue.
// Nothing may run: no window.__xss, no dialog.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { TEST_PASSWORD } from '../../test/support/app.ts';
import { numberFlags, runCheck } from './lib/check.ts';
import { prepareDatabase, signIn, startServer } from './lib/server-process.ts';
import { XSS_PAYLOADS } from './lib/xss-payloads.ts';

const { payloads } = numberFlags({ payloads: XSS_PAYLOADS.length });
const corpus = XSS_PAYLOADS.slice(0, payloads);

/** The entry with `payload` in every text field that can hold it; `word` makes it findable. */
function entryWith(payload: string, n: number) {
  const word = `xsscheck${n}`;
  return {
    id: `xss-${n}`,
    title: `${word} ${payload}`,
    category: `Category ${payload}`.slice(0, 80),
    tags: payload.length <= 40 ? [payload] : [],
    owner: payload.slice(0, 80),
    status: 'vetted',
    phrasings: [payload],
    summary: `${word} ${payload}`,
    solutions: [{ title: payload.slice(0, 200), body: payload }],
    alternatives: [{ title: `Other ${payload}`.slice(0, 200), body: payload }],
    whatToSay: payload,
    timeline: payload,
    caveats: payload,
    followUp: payload,
  };
}

await runCheck('xss', async (dir) => {
  const dbPath = join(dir, 'planb.db');
  await prepareDatabase(dbPath);
  const server = await startServer(dbPath);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const problems: string[] = [];
  let pages = 0;
  let stored = 0;
  try {
    const lead = await signIn(server.url);
    for (const [i, payload] of corpus.entries()) {
      const created = await lead.json('/api/entries', { method: 'POST', body: entryWith(payload, i + 1) });
      if (created.status !== 201) problems.push(`payload ${i + 1} was refused (${created.status} ${created.body?.error}): ${payload}`);
      else stored++;
      await lead.json(`/api/entries/xss-${i + 1}/flags`, { method: 'POST', body: { reason: 'unclear', comment: payload } });
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=name]', 'lead');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('button[type=submit]')]);

    const visit = async (path: string, what: string) => {
      const before = dialogs;
      await page.goto(server.url + path);
      await page.waitForTimeout(150); // let onerror/onload/autofocus handlers fire if any were injected
      await page.click('body', { position: { x: 5, y: 5 } }).catch(() => {});
      const ran = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);
      pages++;
      if (ran || dialogs > before) problems.push(`script ran on ${path} (${what})`);
    };
    // The detector itself: a blank page (no CSP) that does run an injected handler must be caught.
    const control = await context.newPage();
    await control.setContent('<img src=x onerror="window.__xss=1">');
    await control.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss !== undefined, null, { timeout: 5_000 }).catch(() => {
      problems.push('the detector did not see a script that ran: the check proves nothing');
    });
    await control.close();
    for (const [i] of corpus.entries()) {
      const id = `xss-${i + 1}`;
      for (const path of [`/entries/${id}`, `/entries/${id}/edit`, `/entries/${id}/history`, `/search?q=xsscheck${i + 1}`]) {
        await visit(path, `payload ${i + 1}: ${corpus[i]}`);
      }
    }
    for (const path of ['/', '/flags', '/stale', '/search?q=xsscheck']) await visit(path, 'lists of every payload');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  const ran = problems.filter((p) => p.startsWith('script ran')).length;
  return { figures: `${corpus.length} payloads stored in ${stored} entries (every text field) and flag comments, ${pages} pages opened in Chromium: ${ran} executed`, problems };
});
