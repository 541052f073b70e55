import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/user-queries.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { Db } from '../../server/db/connection.ts';
import { freshDatabase } from '../support/database.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { startApp, TEST_PASSWORD, type RunningApp } from '../support/app.ts';
import { launchChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

let db: Db;
let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  db = freshDatabase();
  seedKnowledgeBase(db);
  await createUser(db, 'sam', 'agent', TEST_PASSWORD);
  await createUser(db, 'amara', 'lead', TEST_PASSWORD);
  app = await startApp(db);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const signIn = (name: string) => signedInPage(browser, app.url, name);

describe('in Chromium: propose → review → approve', () => {
  it('an agent proposes a new entry, a lead approves it, and it becomes searchable', async () => {
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
    expect(await lead.locator('.diff-section h3').allTextContents()).toContain('Solutions');
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
    expect(findEntry(db, 'can-i-pay-with-a-voucher-from-a-partner-shop')!.entry.status).toBe('vetted');
  });
});
