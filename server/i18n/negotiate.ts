import type { Request } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './languages.ts';

/**
 * The language of the interface: the person's own choice, else the best of ours by the browser's
 * Accept-Language (q-values weighed by express/negotiator; `it-CH` counts for `it`), else English.
 */
export function negotiateLanguage(req: Request, chosen: string | null | undefined): Language {
  if (isLanguage(chosen)) return chosen;
  if (!req.get('accept-language')) return DEFAULT_LANGUAGE;
  const best = req.acceptsLanguages(...LANGUAGES);
  return isLanguage(best) ? best : DEFAULT_LANGUAGE;
}
