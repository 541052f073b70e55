import { describe, expect, it } from 'vitest';
import { startSeededApp } from '../support/app.ts';
import { inChromium, searchBoxFocused } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

// Open reading: a visitor searches without signing in (only signed-in searches are logged).
const session = inChromium(() => startSeededApp({ readAccess: 'open' }));

describe('as you type, in Chromium', () => {
  it('shows highlighted results under the box while typing, and logs the entry opened', async () => {
    await session.app.as('sam', 'agent');
    const page = await signedInPage(session.browser, session.app.url, 'sam');
    await searchBoxFocused(page);
    await page.keyboard.type('parcel la');
    const first = page.locator('[data-live-results] .result__title').first();
    await first.waitFor();
    expect(await first.innerText()).toBe('My parcel is late');
    expect(await page.locator('[data-live-results] .result__title mark').allInnerTexts()).toEqual(['parcel', 'late']);
    await first.click();
    await page.waitForURL(/\/entries\/late-parcel$/);
    const logged = session.db.prepare("SELECT query, source, user, opened_entry_id FROM search_log WHERE source = 'as-you-type'").all();
    expect(logged).toEqual([{ query: 'parcel la', source: 'as-you-type', user: 'sam', opened_entry_id: 'late-parcel' }]);
    await page.close();
  });

  it('updates the results page as the query changes, keeping the filters', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.app.url}/search?q=parcel&category=Delivery`);
    await page.fill('.search-form__input', 'charged');
    await page.locator('.results__count', { hasText: 'charged' }).waitFor();
    expect(await page.locator('.results .empty').count()).toBe(1);
    expect(page.url()).toContain('category=Delivery');
    await page.close();
  });

  it('applies a filter as soon as it is picked', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.app.url}/search?q=parcel+boat+charged`);
    expect(await page.locator('form.filters button[type=submit]').isHidden()).toBe(true);
    await Promise.all([page.waitForURL(/kind=unusual/, { waitUntil: 'load' }), page.selectOption('select[name=kind]', 'unusual')]);
    expect(await page.locator('section.results .result__title').allTextContents()).toEqual(['Deliver to my boat']);
    await page.close();
  });

  it('still searches without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.app.url);
    await page.fill('.search-form__input', 'boat');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=boat/);
    expect(await page.locator('.result__title').first().innerText()).toBe('Deliver to my boat');
    await context.close();
  });
});
