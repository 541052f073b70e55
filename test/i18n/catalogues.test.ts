import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../server/i18n/languages.ts';
import { baseKey, catalogues, mentionedKeys, PLURAL_SUFFIXES, usedKeys } from './catalogue-keys.ts';

/** The message catalogues (locales/*.json) against each other and against the sources that use them. */

const ROOT = join(import.meta.dirname, '..', '..');
const english = catalogues.en;
const used = usedKeys(ROOT);
const mentioned = mentionedKeys(ROOT);
const isPlural = (key: string) => PLURAL_SUFFIXES.some((s) => key.endsWith(`_${s}`));
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort().join(',');

describe('the message catalogues', () => {
  it('are found in the sources at all (the scan works)', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used.get('header.signIn')).toBe('views/layouts/main.hbs');
  });

  it('hold every key the views, the server and the client scripts ask for', () => {
    const exists = (key: string) => english.has(key) || [...english.keys()].some((k) => baseKey(k) === key);
    const missing = [...used].filter(([key]) => !exists(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing, `keys used but missing from locales/en.json:\n${missing.join('\n')}`).toEqual([]);
  });

  it('hold no key that nothing uses', () => {
    const unused = [...english.keys()].filter((key) => !used.has(key) && !used.has(baseKey(key)) && !mentioned.has(key));
    expect(unused, `keys in locales/en.json that no source uses:\n${unused.join('\n')}`).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every key of English, no other, with the same placeholders', (language) => {
    const theirs = catalogues[language];
    const problems: string[] = [];
    for (const [key, text] of english) {
      if (isPlural(key)) continue;
      if (!theirs.has(key)) problems.push(`missing ${key}`);
      else if (variables(theirs.get(key)!) !== variables(text)) problems.push(`placeholders differ in ${key}`);
    }
    for (const key of theirs.keys()) if (!isPlural(key) && !english.has(key)) problems.push(`not in English: ${key}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.each(LANGUAGES)('%s has exactly the plural forms its language needs, for every counted message', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const counted = new Set([...english.keys()].filter(isPlural).map(baseKey));
    const theirs = catalogues[language];
    const problems: string[] = [];
    for (const base of counted) {
      const forms = [...theirs.keys()].filter((k) => isPlural(k) && baseKey(k) === base).map((k) => k.slice(base.length + 1));
      if (forms.sort().join() !== [...categories].sort().join()) problems.push(`${base}: has ${forms.join('/') || 'none'}, needs ${categories.join('/')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no straight double quote (texts go into attributes) and no empty text', (language) => {
    const bad = [...catalogues[language]].filter(([, text]) => text.includes('"') || !text.trim()).map(([key]) => key);
    expect(bad).toEqual([]);
  });
});
