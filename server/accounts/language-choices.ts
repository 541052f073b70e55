import type { Db } from '../db/connection.ts';
import { languageName } from '../i18n/language-names.ts';
import { userLanguage } from './language-queries.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** The account page's "Interface language" options: follow the browser (""), or one language named in itself. */
export function languageChoices(db: Db, userId: number) {
  const chosen = userLanguage(db, userId) ?? '';
  return [
    { value: '', selected: chosen === '' },
    ...LANGUAGES.map((value) => ({ value, name: languageName(value), selected: value === chosen })),
  ];
}
