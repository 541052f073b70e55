import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../server/accounts/first-run.ts';
import { missingKeys } from '../../server/i18n/catalogues.ts';
import { LANGUAGES } from '../../server/i18n/languages.ts';
import { startApp, type Client, type RunningApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';
import { EVERY_PAGE, startAppWithEveryPage, type Reader } from '../support/every-page.ts';
import { baseKey, catalogues } from './catalogue-keys.ts';

/**
 * Every page type rendered in each interface language (chosen by Accept-Language): i18next saw no
 * missing key, no catalogue key shows raw in the page, <html lang> names the language.
 */

let started: Awaited<ReturnType<typeof startAppWithEveryPage>>;
let readers: Record<Reader, Client>;
let empty: RunningApp;
let setupToken: string;
beforeAll(async () => {
  started = await startAppWithEveryPage();
  const { as, app } = started;
  readers = { anonymous: app.anonymous(), agnes: as.agent, leo: as.lead, ada: as.admin };
  const db = freshDatabase();
  setupToken = issueSetupToken(db)!;
  empty = await startApp(db);
});
afterAll(async () => {
  await started.app.close();
  await empty.close();
});

// Every key and key base ("entry.options" of "entry.options_one"), as it would show if left untranslated.
const KEYS = new Set([...catalogues.en.keys()].flatMap((k) => [k, baseKey(k)]));
const rawKeysIn = (text: string) => [...text.matchAll(/\b[a-z][A-Za-z]*(?:\.[A-Za-z_]+)+/g)].map((m) => m[0]).filter((w) => KEYS.has(w));

async function open(client: Client, path: string, language: string) {
  const response = await client.fetch(path, { headers: { accept: 'text/html', 'accept-language': language } });
  const html = await response.text();
  return { status: response.status, html, root: parse(html) };
}

describe.each(LANGUAGES)('in %s', (language) => {
  it.each(EVERY_PAGE)('%s (%s as %s)', async (_name, path, who) => {
    const before = missingKeys().length;
    const page = await open(readers[who], path, language);
    expect(page.status).toBeLessThan(500);
    expect(page.root.querySelector('html')!.getAttribute('lang')).toBe(language);
    expect(missingKeys().slice(before)).toEqual([]);
    expect(rawKeysIn(page.root.textContent + page.html.match(/(?:title|placeholder|aria-label)="[^"]*"/g)?.join(' '))).toEqual([]);
  });

  it('first-run setup', async () => {
    const page = await open(empty.anonymous(), `/setup/${setupToken}`, language);
    expect(page.status).toBe(200);
    expect(page.root.querySelector('html')!.getAttribute('lang')).toBe(language);
    expect(rawKeysIn(page.root.textContent)).toEqual([]);
  });
});

it('no key was missing on any page, in any language', () => {
  expect(missingKeys()).toEqual([]);
});
