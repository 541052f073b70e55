import { describe, expect, it } from 'vitest';
import { startSeededApp } from '../support/app.ts';
import { inChromium, searchBoxFocused } from './chromium.ts';

const session = inChromium(() => startSeededApp({ readAccess: 'open' }));

describe('in Chromium', () => {
  it('searches from the home page and opens an entry', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.app.url);
    // The search box has focus on arrival, so the agent can type at once.
    await searchBoxFocused(page);
    await page.keyboard.type('parcel late');
    await Promise.all([page.waitForURL(/\/search\?q=parcel\+late/, { waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const first = page.locator('section.results .result__title').first();
    expect(await first.innerText()).toBe('My parcel is late');
    await first.click();
    await page.waitForURL(/\/entries\/late-parcel$/);
    expect(await page.locator('h1').innerText()).toBe('My parcel is late');
    expect(await page.locator('.option__title').allInnerTexts()).toEqual([
      'Trace the parcel',
      'Reship at our cost',
      'Offer a pickup point',
      'Refund the shipping fee',
    ]);
    await page.close();
  });

  it('jumps to the search box with "/" and shows the copy button for the script', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.app.url}/entries/late-parcel`);
    expect(await page.locator('.copy-button').isVisible()).toBe(true);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.close();
  });
});
