import { languageName } from '../i18n/language-names.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** The account page's "Interface language" options: follow the browser (""), or one language named in itself. */
export function languageChoices(language: string | null | undefined) {
  const chosen = language ?? '';
  return [
    { value: '', selected: chosen === '' },
    ...LANGUAGES.map((value) => ({ value, name: languageName(value), selected: value === chosen })),
  ];
}
