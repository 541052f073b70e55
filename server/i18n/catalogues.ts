import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';

/** Where the message catalogues live: one JSON file per language, keys grouped by feature. */
export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'locales');

export type Catalogue = Record<string, unknown>;

export function readCatalogue(language: Language): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, `${language}.json`), 'utf8')) as Catalogue;
}

const missing = new Set<string>();

/** Read from disk once, at start-up, synchronously: nothing is fetched while serving. */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: readCatalogue(l) }])),
  // Text for pages goes through Handlebars, which escapes it; the `t` helper asks for escaping itself.
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (languages, _namespace, key) => missing.add(`${[languages].flat().join(',')}: ${key}`),
});

/** A translate function bound to one language. */
export function translator(language: Language): TFunction {
  return i18n.getFixedT(language);
}

/**
 * The strings the scripts in public/ need, flat ("client.copied": "Copied"), for the page's
 * data-i18n attribute (no inline script under the CSP).
 */
export function clientStrings(language: Language): Record<string, string> {
  const client = (i18n.getResourceBundle(language, 'translation') as { client?: Record<string, string> }).client ?? {};
  return Object.fromEntries(Object.entries(client).map(([key, text]) => [`client.${key}`, text]));
}

/** Keys asked for that no catalogue holds, since start-up (tests read this; it should stay empty). */
export function missingKeys(): string[] {
  return [...missing];
}
