import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writtenDate } from '../../server/call-card/compose-message.ts';
import { timelinePromises } from '../../server/call-card/timeline-promises.ts';
import { localToday } from '../../server/call-card/working-days.ts';
import { importStarterContentIfEmpty } from '../../server/content/starter-content.ts';
import { findEntry, listEntryIds } from '../../server/entries/entry-queries.ts';
import { startApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';
import { inChromium } from './chromium.ts';

/** The real starter content, readable without signing in. */
const session = inChromium(async () => {
  const db = freshDatabase();
  importStarterContentIfEmpty(db, 'content');
  return { db, app: await startApp(db, { readAccess: 'open' }) };
});

const entries = () => listEntryIds(session.db).map((id) => findEntry(session.db, id)!.entry);
const optionCount = (e: ReturnType<typeof entries>[number]) => e.solutions.length + e.alternatives.length;

async function panel(width: number, extra: Parameters<typeof session.browser.newContext>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({ viewport: { width, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'], ...extra });
  return { context, page: await context.newPage() };
}

/** Whether an element lies wholly inside the first screen, below the sticky header. */
const onFirstScreen = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => {
    const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
    return elements.map((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.top >= header && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
    });
  });

describe('the call card in Chromium', () => {
  for (const width of [400, 1280]) {
    it(`shows the summary, every option's title and a Copy on the first screen at ${width}×800, for the entries with the most options`, async () => {
      // The most options first, and among those the longest titles: the hardest to fit.
      const titleLength = (e: ReturnType<typeof entries>[number]) => [...e.solutions, ...e.alternatives].reduce((n, o) => n + o.title.length, 0);
      const busiest = entries()
        .sort((a, b) => optionCount(b) - optionCount(a) || titleLength(b) - titleLength(a))
        .slice(0, 4);
      expect(optionCount(busiest[0]!)).toBeGreaterThanOrEqual(6);
      const { context, page } = await panel(width);
      for (const entry of busiest) {
        await page.goto(`${session.app.url}/entries/${entry.id}`);
        const titles = await page.locator('.option__title').allInnerTexts();
        expect(titles, entry.id).toEqual([...entry.solutions, ...entry.alternatives].map((o) => o.title));
        expect(await page.locator('.option__number').allInnerTexts()).toEqual(titles.map((_, i) => String(i + 1)));
        expect(await page.evaluate(() => scrollY)).toBe(0);
        expect(await onFirstScreen(page, '.entry__lead'), entry.id).toEqual([true]);
        expect(await onFirstScreen(page, '.option__summary'), entry.id).toEqual(titles.map(() => true));
        expect((await onFirstScreen(page, '.copy-button'))[0], `${entry.id}: first Copy`).toBe(true);
      }
      await context.close();
    });
  }

  it('opens an option in place with its number key, and again closes it', async () => {
    const { context, page } = await panel(400);
    await page.goto(`${session.app.url}/entries/charged-after-cancelling`);
    expect(await page.locator('#option-5 .option__content').isVisible()).toBe(false);
    await page.keyboard.press('5');
    await page.locator('#option-5 .option__content').waitFor({ state: 'visible' });
    expect(await page.locator('#option-5 .option__content').innerText()).toContain('Confirm the cancellation so nothing else is taken');
    expect(await page.evaluate(() => document.activeElement?.closest('.option')?.id)).toBe('option-5');
    await page.keyboard.press('5');
    await page.locator('#option-5 .option__content').waitFor({ state: 'hidden' });
    await context.close();
  });

  it('opens an option with a tap', async () => {
    const { context, page } = await panel(400, { hasTouch: true, isMobile: true });
    await page.goto(`${session.app.url}/entries/repair-discontinued-product`);
    await page.tap('#option-6 .option__summary');
    await page.locator('#option-6 .option__content').waitFor({ state: 'visible' });
    expect(await page.locator('#option-6 .option__content').innerText()).toContain('collect and recycle');
    await context.close();
  });

  it('copies one line of what to say as plain text and confirms it in a toast in view at 400 px', async () => {
    const { context, page } = await panel(400);
    await page.goto(`${session.app.url}/entries/charged-after-cancelling`);
    const lines = page.locator('.script-line');
    expect(await lines.count()).toBe(3);
    await page.locator('.script-line >> nth=1').locator('.copy-button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      '"It looks like the last step, the confirm button, didn\'t go through, so the system kept the subscription running. I\'ve cancelled it properly now, and here\'s the reference."',
    );
    const toast = page.locator('.toast');
    await toast.filter({ hasText: 'Copied' }).waitFor();
    expect(await toast.getAttribute('aria-live')).toBe('polite');
    expect(await toast.getAttribute('role')).toBe('status');
    expect(await onFirstScreen(page, '.toast')).toEqual([true]);
    // c copies the first line, or the line whose Copy has focus.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^"I can see you cancelled on the 2nd/);
    await page.locator('.script-line >> nth=2').locator('.copy-button').focus();
    await page.keyboard.press('c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^"As the box is already on its way/);
    await context.close();
  });

  it('composes the message for the chosen option with the name, the order and the promised date', async () => {
    const entry = findEntry(session.db, 'charged-after-cancelling')!.entry;
    const promised = timelinePromises(entry.timeline, localToday()).find((p) => p.unit === 'working days')!;
    expect(promised.phrase).toBe('3–5 working days');
    const { context, page } = await panel(400);
    await page.goto(`${session.app.url}/entries/charged-after-cancelling`);
    await page.click('.compose__toggle');
    await page.check('input[name=option][value="4"]');
    await page.fill('input[name=name]', 'Maria Rossi');
    await page.fill('input[name=order]', 'A-10234');
    await page.click('.compose__copy');
    const message = await page.evaluate(() => navigator.clipboard.readText());
    expect(message).toContain('Hello Maria Rossi,');
    expect(message).toContain('about your order A-10234.');
    expect(message).toContain('What we will do: Return the unopened box for a full refund');
    expect(message).toContain(`When: by ${writtenDate(promised.date)}.`);
    // The script that goes with the returned box, without its quotation marks or Markdown.
    expect(message).toContain('\n\nAs the box is already on its way, you can send it back unopened for a full refund, or keep it.');
    expect(message).not.toMatch(/\*\*|\[name\]|\[order\]|\[date\]/);
    expect(await onFirstScreen(page, '.toast')).toEqual([true]);

    // The agent promises another day: the message follows.
    await page.fill('input[name=promised]', '2027-02-01');
    await page.click('.compose__copy');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`When: by ${writtenDate('2027-02-01')}.`);
    await context.close();
  });

  it('prints everything open: every option, with nothing to click', async () => {
    const { context, page } = await panel(1280);
    await page.goto(`${session.app.url}/entries/repair-discontinued-product`);
    await page.emulateMedia({ media: 'print' });
    const bodies = page.locator('.option__content');
    for (let i = 0; i < (await bodies.count()); i++) expect(await bodies.nth(i).isVisible()).toBe(true);
    expect(await page.locator('.copy-button').first().isVisible()).toBe(false);
    await context.close();
  });
});
