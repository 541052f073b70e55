import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { startSeededApp } from '../support/app.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

const session = inChromium(async () => {
  const started = await startSeededApp();
  await started.app.as('lia', 'lead');
  return started;
});

/** Every CSP violation the page reports, through the DOM event and the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

describe('pages work with the strict Content-Security-Policy on', () => {
  it('search as you type, copy on an entry page, feedback buttons and the editor, with no violation', async () => {
    const page = await signedInPage(session.browser, session.app.url, 'lia');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.app.url });
    const violations = await watchViolations(page);
    await page.reload();
    expect((await page.request.get(session.app.url)).headers()['content-security-policy']).toMatch(/script-src 'self'/);

    // Search as you type (public/app.js under script-src 'self').
    await page.locator('[data-search-input]').pressSequentially('parcel la');
    const first = page.locator('[data-live-results] .result__title').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.innerText()).toBe('My parcel is late');

    // The editor: add a solution (a server round trip), type Markdown with angle brackets, save.
    await page.goto(`${session.app.url}/entries/late-parcel/edit`);
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="add:solutions"]')]);
    await page.locator('textarea[name=whatToSay]').fill('Press <Enter> to confirm the <order number>.');
    await page.locator('input[name=why]').fill('Keys in angle brackets');
    await Promise.all([page.waitForURL(/\/entries\/late-parcel$/, { timeout: 15_000 }), page.click('button[value=save]')]);
    expect(findEntry(session.db, 'late-parcel')!.entry.whatToSay).toBe('Press <Enter> to confirm the <order number>.');

    // Copy puts the script on the clipboard as typed.
    await page.click('[data-copy="#copy-whatToSay"]');
    await page.locator('[data-copy="#copy-whatToSay"][data-copied]').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Press <Enter> to confirm the <order number>.');

    // Feedback answers through fetch with the session's CSRF token, without reloading.
    const worked = page.locator('form[data-feedback] button[value=true]').first();
    await worked.click();
    await page.locator('form[data-feedback] button[data-given]').first().waitFor({ timeout: 15_000 });

    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
