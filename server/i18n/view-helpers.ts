import Handlebars from 'handlebars';
import { clientStrings as clientCatalogue, translator } from './catalogues.ts';
import * as format from './format.ts';
import { sectionName as nameOfSection } from './section-names.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts';

/** Handlebars helpers in the reader's language: the page's root context carries `lang` (res.locals). */

type HelperOptions = Handlebars.HelperOptions;

function pageLanguage(options: HelperOptions): Language {
  const lang = (options?.data?.root as { lang?: unknown } | undefined)?.lang;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/**
 * {{t "entry.solutions"}}, {{t "search.closeMatches" count=n query=q}}: catalogue text is trusted
 * markup (it may hold <kbd> or <strong>); the values put into it are escaped here.
 */
export function t(key: unknown, options: HelperOptions): Handlebars.SafeString {
  const values = { ...(options.hash as Record<string, unknown>), interpolation: { escapeValue: true } };
  return new Handlebars.SafeString(translator(pageLanguage(options))(String(key), values));
}

/** {{date updatedAt}}: an ISO timestamp or YYYY-MM-DD as a date in the reader's language. */
export function date(value: unknown, options: HelperOptions): string {
  return format.formatDate(value, pageLanguage(options));
}

/** {{dateTime createdAt}}: the date and the UTC time. */
export function dateTime(value: unknown, options: HelperOptions): string {
  return format.formatDateTime(value, pageLanguage(options));
}

/** {{formatNumber n}}: 12,345 · 12.345 · 12 345. */
export function formatNumber(value: unknown, options: HelperOptions): string {
  return format.formatNumber(value, pageLanguage(options));
}

/** <body data-i18n="{{clientStrings}}">: what public/*.js say, as JSON (escaped by Handlebars). */
export function clientStrings(options: HelperOptions): string {
  return JSON.stringify(clientCatalogue(pageLanguage(options)));
}

/** {{sectionName heading}}: "What to say" → "Cosa dire". */
export function sectionName(heading: unknown, options: HelperOptions): string {
  return nameOfSection(translator(pageLanguage(options)), String(heading));
}
