import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/user-queries.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { startSeededApp, TEST_PASSWORD } from '../support/app.ts';
import { saveLateParcelThreeTimes } from '../revisions/several-saves.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

const session = inChromium(async () => {
  const started = await startSeededApp({ readAccess: 'login' });
  saveLateParcelThreeTimes(started.db);
  await createUser(started.db, 'lena', 'lead', TEST_PASSWORD);
  return started;
});

describe('history in Chromium', () => {
  it('a lead opens the history from the entry, compares two revisions, and restores one', async () => {
    const page = await signedInPage(session.browser, session.app.url, 'lena', '/entries/late-parcel');
    page.setDefaultTimeout(5000);

    await page.click('a.entry__history');
    await page.waitForURL(/\/entries\/late-parcel\/history$/);
    // The radios live in the list but belong to the compare form above it (form="compare").
    await page.check('li[data-revision="1"] input[name=from]');
    await page.check('li[data-revision="2"] input[name=to]');
    await page.click('button:has-text("Compare revisions")');
    await page.waitForURL(/\/entries\/late-parcel\/diff\?/);
    const asked = new URL(page.url()).searchParams;
    expect([asked.get('from'), asked.get('to')]).toEqual(['1', '2']);
    expect(await page.locator('.diff-section h3').allInnerTexts()).toEqual([expect.stringMatching(/^What to say/i)]);

    await page.goto(`${session.app.url}/entries/late-parcel/history`);
    await page.click('li[data-revision="1"] button:has-text("Restore this revision")');
    await page.waitForURL(/\/entries\/late-parcel$/);
    expect(await page.locator('.flash').innerText()).toBe('Restored revision 1: it is now the live version, as revision 5.');
    expect(findEntry(session.db, 'late-parcel')!.revision).toBe(5);
    await page.close();
  });
});
