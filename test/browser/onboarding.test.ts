import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/user-queries.ts';
import { findPath } from '../../server/onboarding/onboarding-queries.ts';
import { startSeededApp, TEST_PASSWORD } from '../support/app.ts';
import { saveFirstWeek } from '../support/paths.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';


const FIRST_WEEK: Parameters<typeof saveFirstWeek>[1] = [
  ['guide', 'setting-expectations', 'Promise what you can keep.'],
  ['entry', 'late-parcel', 'The most common call.'],
  ['guide', 'handling-a-complaint', 'Angry callers.'],
];

const session = inChromium(async () => {
  const started = await startSeededApp();
  for (const [name, role] of [['ana', 'agent'], ['ben', 'agent'], ['lena', 'lead']] as const) await createUser(started.db, name, role, TEST_PASSWORD);
  saveFirstWeek(started.db, FIRST_WEEK);
  return started;
});

const signIn = async (name: string, next = '/') => {
  const page = await signedInPage(session.browser, session.app.url, name, next);
  page.setDefaultTimeout(10_000);
  return page;
};
const doneStates = (page: Awaited<ReturnType<typeof signIn>>) =>
  page.locator('#path-first-week .start-item').evaluateAll((items) => items.map((li) => li.classList.contains('start-item--done')));

describe('in Chromium: a new hire works through a Start here path', () => {
  it('reading a guide to its end marks it done for that agent only; the button marks the others', async () => {
    saveFirstWeek(session.db, FIRST_WEEK); // as the file starts: the editor's test below may have added an item
    const ana = await signIn('ana', '/start');
    expect(await ana.locator('#path-first-week .start-path__progress').innerText()).toBe('0 of 3 done');
    await ana.click('text=Setting expectations');
    await ana.waitForURL(/\/guides\/setting-expectations$/);
    // The end of the guide comes into view: the page says so, and the path counts it.
    await ana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await ana.locator('.start-toast').waitFor();
    expect(await ana.locator('.start-toast').innerText()).toContain('Done on your Start here path');

    await ana.goto(`${session.app.url}/start`);
    expect(await doneStates(ana)).toEqual([true, false, false]);
    await Promise.all([ana.waitForURL(/\/start#item-entry-late-parcel$/), ana.click('#item-entry-late-parcel button:has-text("Mark as done")')]);
    expect(await doneStates(ana)).toEqual([true, true, false]);
    expect(await ana.locator('#path-first-week .start-path__progress').innerText()).toBe('2 of 3 done');

    const ben = await signIn('ben', '/start');
    expect(await doneStates(ben)).toEqual([false, false, false]);
    expect(await ben.locator('#path-first-week progress').getAttribute('value')).toBe('0');
    await ana.context().close();
    await ben.context().close();
  });
});

describe('in Chromium: the lead’s path editor', () => {
  it('Enter in every one-line field saves what was typed and never removes or moves an item', async () => {
    const lead = await signIn('lena', '/start/paths/first-week');
    const order = () => findPath(session.db, 'first-week')!.items.map((i) => i.id);
    const before = order();
    const fields: [string, string][] = [
      ['input[name=title]', 'Your first week on the phones'],
      ['input[name=summary]', 'Five days, in the order the calls come.'],
      ['#item-1 input[name=why]', 'Read this before your first call.'],
      ['#item-2 input[name=why]', 'You will take this call every day.'],
      ['#item-3 input[name=why]', 'For when a caller is angry.'],
    ];
    for (const [selector, text] of fields) {
      await lead.fill(selector, text);
      await Promise.all([lead.waitForURL(/\/start\/paths\/first-week$/), lead.press(selector, 'Enter')]);
      expect(await lead.inputValue(selector), selector).toBe(text);
      expect(order(), selector).toEqual(before);
    }
    expect(findPath(session.db, 'first-week')).toMatchObject({
      title: 'Your first week on the phones',
      summary: 'Five days, in the order the calls come.',
      items: [
        { id: 'setting-expectations', why: 'Read this before your first call.' },
        { id: 'late-parcel', why: 'You will take this call every day.' },
        { id: 'handling-a-complaint', why: 'For when a caller is angry.' },
      ],
    });

    // Enter in the new item's why, with nothing chosen: a message, the typed why kept, nothing added or lost.
    await lead.fill('#item-2 input[name=why]', 'Typed but not saved yet');
    await lead.fill('input[name=addWhy]', 'Billing calls come next');
    await lead.press('input[name=addWhy]', 'Enter');
    await lead.locator('#add .form-error').waitFor();
    expect(await lead.locator('#add .form-error').innerText()).toContain('Choose the entry or guide to add');
    expect(await lead.inputValue('input[name=addWhy]')).toBe('Billing calls come next');
    expect(await lead.inputValue('#item-2 input[name=why]')).toBe('Typed but not saved yet');
    expect(order()).toEqual(before);
    // Choose one and press Enter again: it is added at the end, and the typed why saved.
    await lead.selectOption('select[name=item]', 'entry:charged-twice');
    await Promise.all([lead.waitForURL(/#items$/), lead.press('input[name=addWhy]', 'Enter')]);
    expect(order()).toEqual([...before, 'charged-twice']);
    expect(findPath(session.db, 'first-week')!.items.map((i) => i.why)).toEqual([
      'Read this before your first call.', 'Typed but not saved yet', 'For when a caller is angry.', 'Billing calls come next',
    ]);

    // Buttons act only when pressed, and keep what was typed elsewhere.
    await lead.fill('#item-1 input[name=why]', 'Typed, then moved');
    await Promise.all([lead.waitForURL(/#items$/), lead.click('#item-1 button[value="down:1"]')]);
    expect(order()).toEqual([before[1], before[0], before[2], 'charged-twice']);
    expect(await lead.inputValue('#item-2 input[name=why]')).toBe('Typed, then moved');
    await lead.context().close();
  });
});
