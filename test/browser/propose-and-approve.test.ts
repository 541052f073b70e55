import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/user-queries.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { startSeededApp, TEST_PASSWORD } from '../support/app.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

const session = inChromium(async () => {
  const started = await startSeededApp();
  await createUser(started.db, 'sam', 'agent', TEST_PASSWORD);
  await createUser(started.db, 'amara', 'lead', TEST_PASSWORD);
  return started;
});

const signIn = async (name: string) => {
  const page = await signedInPage(session.browser, session.app.url, name);
  page.setDefaultTimeout(5000);
  return page;
};

describe('in Chromium: propose → review → approve → flag → fix → history', () => {
  it('an agent proposes a new entry, a lead approves it, it becomes searchable, is flagged, fixed, and its history shows it', async () => {
    const agent = await signIn('sam');
    await agent.click('.account-menu summary');
    await agent.click('text=Propose a new entry');
    await agent.fill('input[name=title]', 'Can I pay with a voucher from a partner shop?');
    await agent.fill('input[name=category]', 'Billing and payments');
    await agent.fill('textarea[name=phrasings]', 'partner voucher\nvoucher from another shop');
    await agent.fill('input[name=solutionTitle]', 'Check the partner list');
    await agent.fill('textarea[name=solutionBody]', 'Partners are listed on the vouchers page.');
    await agent.click('button[value="add:solutions"]');
    // The page came back with a second, empty solution and the first one kept.
    expect(await agent.inputValue('input[name=solutionTitle] >> nth=0')).toBe('Check the partner list');
    await agent.fill('input[name=solutionTitle] >> nth=1', 'Refund the voucher to the partner');
    await agent.fill('input[name=alternativeTitle] >> nth=0', 'Give store credit');
    await agent.fill('input[name=alternativeTitle] >> nth=1', 'Split the payment');
    await agent.fill('input[name=why]', 'Three calls this week');
    await Promise.all([agent.waitForURL(/\/my\/drafts$/), agent.click('button[value=save]')]);
    expect(await agent.textContent('.flash')).toMatch(/Sent for review/);

    const lead = await signIn('amara');
    expect(await lead.textContent('a[href="/review"] .count')).toBe('1');
    await lead.click('a[href="/review"]');
    await lead.click('text=Can I pay with a voucher from a partner shop?');
    expect(await lead.locator('.proposal-view #solutions-heading').textContent()).toMatch(/^Solutions/);
    await lead.fill('textarea[name=comment]', 'Clear, thanks');
    await Promise.all([lead.waitForURL(/\/entries\/can-i-pay-with-a-voucher-from-a-partner-shop$/), lead.click('button[value=approve]')]);
    expect(await lead.textContent('.flash')).toMatch(/Approved/);
    expect(await lead.locator('.option__title').allInnerTexts()).toEqual([
      'Check the partner list',
      'Refund the voucher to the partner',
      'Give store credit',
      'Split the payment',
    ]);

    await agent.fill('[data-search-input]', 'partner voucher');
    await Promise.all([agent.waitForURL(/\/search/), agent.press('[data-search-input]', 'Enter')]);
    expect(await agent.locator('.result__title').first().innerText()).toBe('Can I pay with a voucher from a partner shop?');
    expect(findEntry(session.db, 'can-i-pay-with-a-voucher-from-a-partner-shop')!.entry.status).toBe('vetted');

    // The agent flags it in two clicks: "Flag", then the reason.
    await agent.locator('.result__title').first().click();
    await agent.waitForURL(/\/entries\/can-i-pay-with-a-voucher-from-a-partner-shop$/);
    await agent.click('summary:has-text("Flag")');
    await Promise.all([agent.waitForLoadState('load'), agent.click('button.flag-reason--outdated')]);
    expect(await agent.locator('.entry-flags').textContent()).toMatch(/Outdated/);

    // The lead fixes it from the flags queue; saving the edit resolves the flag.
    await lead.goto(`${session.app.url}/flags`);
    await Promise.all([lead.waitForURL(/\/edit/), lead.click('a.button:has-text("Fix the entry")')]);
    await lead.fill('textarea[name=timeline]', 'Partner vouchers are checked within 1 working day.');
    await lead.fill('input[name=why]', 'Added the timeline');
    await Promise.all([lead.waitForURL(/\/entries\/can-i-pay-with-a-voucher-from-a-partner-shop$/), lead.click('button[value=save]')]);
    expect(await lead.locator('.entry-flags').count()).toBe(0);

    // The history shows both revisions, and the diff shows what the fix changed.
    await lead.click('a.entry__history');
    expect(await lead.locator('.history__item').count()).toBe(2);
    await lead.goto(`${session.app.url}/entries/can-i-pay-with-a-voucher-from-a-partner-shop/diff`);
    expect(await lead.locator('.diff ins').first().textContent()).toMatch(/Partner vouchers/);
  });
});
