import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../server/i18n/languages.ts';
import { EVERY_PAGE, startAppWithEveryPage, type Reader } from '../support/every-page.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

/**
 * The interface in each language in real Chromium, the browser asking for it (Accept-Language):
 * every page type fits a 400 px side panel without scrolling sideways (Italian, Russian and Catalan
 * labels run longer than English), and the entry page's scripts speak the page's language.
 * SCREENSHOT_DIR=/tmp/shots saves the entry page and a search at 1280×800 and 400×800 per language.
 */

const session = inChromium(startAppWithEveryPage);
const SHOTS = process.env.SCREENSHOT_DIR;

async function pageIn(language: string, who: Reader, width: number): Promise<Page> {
  const options = { locale: language, extraHTTPHeaders: { 'accept-language': language }, viewport: { width, height: 800 } };
  if (who === 'anonymous') return (await session.browser.newContext(options)).newPage();
  return signedInPage(session.browser, session.app.url, who, '/', options);
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(LANGUAGES)('in %s', (language) => {
  // English pages are swept by accessibility.test.ts; the longer languages are the risk here.
  it.skipIf(language === 'en')('every page type fits 400 px without scrolling sideways', async () => {
    const pages = new Map<Reader, Page>();
    const wide: string[] = [];
    try {
      for (const [name, path, who] of EVERY_PAGE) {
        if (!pages.has(who)) pages.set(who, await pageIn(language, who, 400));
        const page = pages.get(who)!;
        await page.goto(session.app.url + path);
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        const overflow = await sidewaysScroll(page);
        if (overflow > 0) wide.push(`${name} (${path}) is ${overflow}px too wide`);
      }
    } finally {
      for (const page of pages.values()) await page.context().close();
    }
    expect(wide).toEqual([]);
  }, 180_000);

  it('the entry page and a search, at 1280 and 400 px, with the scripts in the same language', async () => {
    for (const width of [1280, 400]) {
      const page = await pageIn(language, 'agnes', width);
      try {
        await page.goto(`${session.app.url}/entries/late-parcel`);
        // call-card.js labels "Open all" from the page's strings, not from its own English.
        const openAll = page.locator('[data-open-all]');
        await expect.poll(() => openAll.isVisible(), { timeout: 10_000 }).toBe(true);
        const strings = JSON.parse((await page.getAttribute('body', 'data-i18n'))!) as Record<string, string>;
        expect(await openAll.textContent()).toBe(strings['client.openAll']);
        await openAll.click();
        // The label follows the options' `toggle` events, which the browser fires after the click returns.
        await expect.poll(() => openAll.textContent(), { timeout: 10_000 }).toBe(strings['client.closeAll']);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        if (SHOTS) await shot(page, `entry-${language}-${width}`);

        await page.goto(`${session.app.url}/search?q=parcel`);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        if (SHOTS) await shot(page, `search-${language}-${width}`);
      } finally {
        await page.context().close();
      }
    }
  }, 120_000);
});

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS!, { recursive: true });
  await page.screenshot({ path: join(SHOTS!, `${name}.png`), fullPage: false });
}
