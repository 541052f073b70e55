import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/user-queries.ts';
import { importStarterContentIfEmpty } from '../../server/content/starter-content.ts';
import { isStopWord } from '../../server/search/query/query-terms.ts';
import { startApp, TEST_PASSWORD } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';
import { inChromium, searchBoxFocused } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

/** The starter knowledge base, open to read, with an agent and a lead. */
const session = inChromium(async () => {
  const db = freshDatabase();
  importStarterContentIfEmpty(db, 'content');
  await createUser(db, 'sam', 'agent', TEST_PASSWORD);
  await createUser(db, 'amara', 'lead', TEST_PASSWORD);
  return { db, app: await startApp(db, { readAccess: 'open' }) };
});

const WIDTHS = [400, 1280] as const;
const ENTRY = '/entries/parcel-late-after-promised-date';

async function visitor(browser: Browser, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function member(name: string, width: number, next = '/'): Promise<Page> {
  const page = await signedInPage(session.browser, session.app.url, name, next, { viewport: { width, height: 800 } });
  page.setDefaultTimeout(10_000);
  return page;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { text: el.innerText, href: el.getAttribute('href'), isBox: el.matches('[data-search-input]'), folded: Boolean(el.closest('.loose-results')) };
  });

/** What Chromium tells a screen reader about an element: its role, name and expanded state. */
async function accessible(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const [node] = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })).nodes;
  const expanded = node!.properties?.find((p) => p.name === 'expanded')?.value.value;
  await cdp.detach();
  return { role: node!.role?.value, name: node!.name?.value, expanded };
}

/** Whether an element is wholly inside the viewport and not under the sticky header. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    return box.height > 0 && box.top >= header.bottom - 1 && box.bottom <= window.innerHeight;
  });

describe.each(WIDTHS)('the keyboard path at %i px, in Chromium', (width) => {
  it('goes from an entry page to another entry with / typing ↓ Esc ↓ Enter, reaching a folded result', async () => {
    const page = await visitor(session.browser, width);
    await page.goto(session.app.url + ENTRY);
    await page.keyboard.press('/');
    expect((await focused(page)).isBox).toBe(true);
    await page.keyboard.type('parcel late');
    const panel = page.locator('[data-header-results]');
    // Typing may fetch twice on a busy machine: wait for the results of the whole query.
    await panel.locator('.results__count', { hasText: 'parcel late' }).waitFor();
    const close = await panel.locator('.result-list').first().locator('.result__title').count();
    expect(await panel.locator('.loose-results .result__title').count()).toBeGreaterThan(0);

    for (let i = 0; i <= close; i++) await page.keyboard.press('ArrowDown');
    const folded = await focused(page);
    expect(folded.folded).toBe(true);
    expect(await inView(page, '[data-header-results] .result__title:focus')).toBe(true);

    await page.keyboard.press('Escape');
    expect((await focused(page)).isBox).toBe(true);
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('.result__title').count()).toBeGreaterThan(close);

    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).folded).toBe(false);
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).isBox).toBe(true);
    for (let i = 0; i <= close; i++) await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toEqual(folded);
    const entryId = folded.href!.split('/').at(-1);
    await Promise.all([page.waitForURL(new RegExp(`/entries/${entryId}$`)), page.keyboard.press('Enter')]);
    await page.context().close();
  });

  it('clears the live results when the box is emptied', async () => {
    const page = await visitor(session.browser, width);
    await page.goto(session.app.url + ENTRY);
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    const panel = page.locator('[data-header-results]');
    await panel.locator('.result__title').first().waitFor();
    for (let i = 0; i < 'refund'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await panel.locator('.result').count()).toBe(0);

    await page.goto(session.app.url);
    await searchBoxFocused(page);
    await page.keyboard.type('refund');
    const home = page.locator('main [data-live-results]');
    await home.locator('.result__title').first().waitFor();
    await page.fill('[data-search-input]', '');
    await expect.poll(() => home.locator('.result').count()).toBe(0);
    await page.context().close();
  });

  it('puts focus on the first result after Enter, and Enter opens it', async () => {
    const page = await visitor(session.browser, width);
    await page.goto(session.app.url);
    await searchBoxFocused(page);
    await page.keyboard.type('my parcel is late');
    await Promise.all([page.waitForURL(/\/search\?q=my\+parcel\+is\+late/), page.keyboard.press('Enter')]);
    const first = page.locator('.results .result__title').first();
    await expect.poll(async () => (await focused(page)).href).toBe(await first.getAttribute('href'));
    expect(await inView(page, '.results .result__title')).toBe(true);
    const entryId = (await first.getAttribute('href'))!.split('/').at(-1);
    await Promise.all([page.waitForURL(new RegExp(`/entries/${entryId}$`)), page.keyboard.press('Enter')]);
    await page.context().close();
  });

  it('shows every shortcut in a dialog on ?, closed with Esc', async () => {
    const page = await visitor(session.browser, width);
    await page.goto(session.app.url + ENTRY);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    const keys = await dialog.locator('kbd').allInnerTexts();
    for (const key of ['/', '↓', '↑', 'Enter', 'Esc', '1', '9', 'c', '?']) expect(keys).toContain(key);
    expect(await inView(page, 'dialog[open] .shortcuts__list')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // The footer's button opens it too, for those who do not know the key yet.
    await page.click('[data-shortcuts-open]');
    await dialog.waitFor();
    await page.context().close();
  });

  it('says when nothing fits closely, offers the prefilled proposal and marks no stop word', async () => {
    const page = await member('sam', width);
    await page.keyboard.press('/');
    await page.keyboard.type('can you deliver on sunday');
    const live = page.locator('main [data-live-results]');
    await live.locator('.results__count', { hasText: 'sunday' }).waitFor();
    expect(await live.locator('.results__count').innerText()).toBe('Nothing fits can you deliver on sunday closely');
    const propose = live.getByRole('link', { name: "Propose an entry in the customer's words" });
    expect(await live.locator('.loose-results h2').innerText()).toMatch(/^Loosely related/);
    for (const word of await live.locator('mark').allInnerTexts()) expect(isStopWord(word.toLowerCase()), word).toBe(false);
    await Promise.all([page.waitForURL(/\/entries\/new\?/), propose.click()]);
    expect(await page.inputValue('input[name=title]')).toBe('can you deliver on sunday');
    expect(await page.inputValue('textarea[name=phrasings]')).toBe('can you deliver on sunday');
    await page.context().close();
  });

  it('keeps a sent flag’s thanks in view, below the sticky header', async () => {
    const page = await member('sam', width, ENTRY);
    await page.click('summary:has-text("Flag")');
    await Promise.all([page.waitForURL(/#flash$/), page.click('button.flag-reason--unclear')]);
    await page.locator('.flash').waitFor();
    expect(await page.locator('.flash').innerText()).toMatch(/^Thanks: flagged as/);
    expect(await inView(page, '.flash')).toBe(true);
    await page.context().close();
  });
});

describe('the header at 400 px, in Chromium', () => {
  it('keeps every destination in a named menu that works with the keyboard', async () => {
    const page = await member('amara', 400, ENTRY);
    const toggle = page.locator('.account-menu summary');
    for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    // A summary is a disclosure button to screen readers: named "Menu", saying whether it is open.
    expect(await accessible(page, '.account-menu summary')).toEqual({ role: 'DisclosureTriangle', name: 'amara Menu', expanded: false });
    expect(await toggle.innerText()).toContain('Menu');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect((await accessible(page, '.account-menu summary')).expanded).toBe(true);
    const reachable = new Set<string>();
    for (const link of await page.locator('.site-header a:visible').all()) {
      if (await link.evaluate((el) => { const box = el.getBoundingClientRect(); return box.right <= window.innerWidth && box.bottom <= window.innerHeight; })) {
        reachable.add(new URL((await link.getAttribute('href'))!, session.app.url).pathname + new URL((await link.getAttribute('href'))!, session.app.url).hash);
      }
    }
    for (const destination of ['/#categories', '/start', '/my/drafts', '/review', '/flags', '/entries/new', '/dashboard', '/gaps', '/stale', '/account']) {
      expect(reachable, destination).toContain(destination);
    }
    // Tab goes on into the menu's links.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.account-menu__panel') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('names the toggle Menu on wide screens too, where it shows the person', async () => {
    const page = await member('amara', 1280, ENTRY);
    expect(await accessible(page, '.account-menu summary')).toMatchObject({ name: 'amara Menu', expanded: false });
    await page.context().close();
  });

  it('opens the menu without JavaScript too', async () => {
    const page = await signedInPage(session.browser, session.app.url, 'amara', ENTRY, { javaScriptEnabled: false, viewport: { width: 400, height: 800 } });
    await page.locator('.account-menu summary').focus();
    await page.keyboard.press('Enter');
    for (const name of ['Browse', 'Start here', 'Your account']) {
      expect(await page.locator('.account-menu__panel').getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    await page.context().close();
  });

  it('keeps Browse and Start here in the bar for visitors, who have no menu', async () => {
    const page = await visitor(session.browser, 400);
    await page.goto(session.app.url + ENTRY);
    for (const name of ['Browse', 'Start here', 'Sign in']) {
      expect(await page.locator('.site-header').getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    await page.context().close();
  });
});
