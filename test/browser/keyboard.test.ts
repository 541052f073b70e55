import { describe, expect, it } from 'vitest';
import { startSeededApp } from '../support/app.ts';
import { inChromium, searchBoxFocused } from './chromium.ts';

const session = inChromium(() => startSeededApp({ readAccess: 'open' }));

describe('keyboard shortcuts in Chromium', () => {
  it('moves from the search box into the live results with the arrow keys and opens one with Enter', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.app.url);
    await searchBoxFocused(page);
    await page.keyboard.type('parcel late');
    await page.locator('[data-live-results] .result__title').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('My parcel is late');
    await Promise.all([page.waitForURL(/\/entries\/late-parcel$/), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('jumps to an option by its number and copies the script with c', async () => {
    const context = await session.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${session.app.url}/entries/late-parcel`);
    await page.keyboard.press('3');
    expect(await page.locator('#option-3').getAttribute('class')).toContain('option--pointed');
    await page.keyboard.press('c');
    await page.locator('.copy-button[data-copied]').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('"I can see your parcel left our warehouse on Monday."');
    await context.close();
  });
});
