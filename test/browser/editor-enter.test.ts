import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/user-queries.ts';
import { startSeededApp, TEST_PASSWORD } from '../support/app.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

const session = inChromium(async () => {
  const started = await startSeededApp();
  await createUser(started.db, 'amara', 'lead', TEST_PASSWORD);
  return started;
});

/** Every field of the editor form a person can type in or pick, as [name, value], in page order. */
const fieldsOf = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('form.editor') as HTMLFormElement).elements]
      .filter((el): el is HTMLInputElement => 'value' in el && !!(el as HTMLInputElement).name && !['hidden', 'submit', 'checkbox'].includes((el as HTMLInputElement).type))
      .map((el) => [el.name, el.value]),
  );

/** Valid values where the form checks a format; anything else gets text that names its field. */
const VALID: Record<string, string> = { category: 'Delivery', language: 'en', reviewBy: '2027-05-01', owner: 'amara', translationOf: '' };

/** Types into every field (two solutions and two alternatives at least), returns what the form should hold. */
async function typeEverywhere(page: Page): Promise<string[][]> {
  if ((await page.locator('input[name=solutionTitle]').count()) < 2) {
    await Promise.all([page.waitForURL(/./, { waitUntil: 'load' }), page.click('button[value="add:solutions"]')]);
  }
  const fields = page.locator('form.editor input:not([type=hidden]):not([type=checkbox]), form.editor textarea');
  for (let i = 0; i < (await fields.count()); i++) {
    const field = fields.nth(i);
    const name = (await field.getAttribute('name'))!;
    await field.fill(VALID[name] ?? `${name} ${i} typed`);
  }
  return fieldsOf(page);
}

/**
 * Presses Enter in each one-line field in turn. Each press must come back with the preview and
 * every typed value in place, options in the same order: nothing removed, moved or lost.
 */
async function pressEnterInEveryOneLineField(page: Page) {
  const typed = await typeEverywhere(page);
  const oneLine = page.locator('form.editor input:not([type=hidden]):not([type=checkbox])');
  const count = await oneLine.count();
  expect(count).toBeGreaterThanOrEqual(9);
  const pressed: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => ((window as unknown as { beforeEnter: boolean }).beforeEnter = true));
    await oneLine.nth(i).press('Enter');
    await page.waitForFunction(() => !(window as unknown as { beforeEnter?: boolean }).beforeEnter && document.readyState === 'complete');
    pressed.push((await oneLine.nth(i).getAttribute('name'))!);
    expect(await page.locator('.preview').count(), `Enter in ${pressed.at(-1)} previews`).toBe(1);
    expect(await fieldsOf(page), `after Enter in ${pressed.at(-1)}`).toEqual(typed);
  }
  return pressed;
}

// About a dozen page loads per test: room for a loaded machine.
describe('Enter in the editor, in Chromium', { timeout: 90_000 }, () => {
  it('previews the new-entry form and keeps every typed value and the option order', async () => {
    const page = await signedInPage(session.browser, session.app.url, 'amara', '/entries/new');
    const pressed = await pressEnterInEveryOneLineField(page);
    expect(pressed).toEqual(expect.arrayContaining(['title', 'category', 'language', 'tags', 'solutionTitle', 'alternativeTitle', 'reviewBy', 'owner', 'why']));
    await page.context().close();
  });

  it('does the same without JavaScript', async () => {
    const page = await signedInPage(session.browser, session.app.url, 'amara', '/entries/new', { javaScriptEnabled: false });
    await pressEnterInEveryOneLineField(page);
    await page.context().close();
  });

  it("does the same in a lead's edit form", async () => {
    const page = await signedInPage(session.browser, session.app.url, 'amara', '/entries/late-parcel/edit');
    await pressEnterInEveryOneLineField(page);
    await page.context().close();
  });

  it("does the same in an agent's revise form, after a lead requested changes", async () => {
    const agent = await session.app.as('sam', 'agent');
    const lead = await session.app.as('amara', 'lead');
    const { body: entry } = await agent.json('/api/entries/late-parcel');
    const sent = await agent.json('/api/entries/late-parcel/revisions', { method: 'POST', body: { ...entry, baseRevision: entry.revision, why: 'Clearer' } });
    expect(sent.status).toBe(202);
    const review = { decision: 'request_changes', comment: 'Name the carrier', proposal: sent.body.proposal };
    expect((await lead.json('/api/entries/late-parcel/review', { method: 'POST', body: review })).status).toBe(200);

    const page = await signedInPage(session.browser, session.app.url, 'sam', `/proposals/${sent.body.proposal}/edit`);
    const pressed = await pressEnterInEveryOneLineField(page);
    expect(pressed).not.toContain('reviewBy');
    await page.context().close();
  });
});
