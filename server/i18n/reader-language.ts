import type { RequestHandler } from 'express';
import type { TFunction } from 'i18next';
import { translator } from './catalogues.ts';
import type { Language } from './languages.ts';
import { negotiateLanguage } from './negotiate.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Translates into the reader's language (plain text: views escape it). */
      t: TFunction;
    }
    interface Locals {
      /** The reader's interface language: `<html lang>`, the `t` helper, dates and numbers. */
      lang: Language;
    }
  }
}

/**
 * Binds the reader's language to the request: `req.t` for handlers, `lang` for views. Mounted once
 * before `identify` (so even early errors have a language) and once after it, when the signed-in
 * person, loaded with their own choice of language, is known.
 */
export const readerLanguage: RequestHandler = (req, res, next) => {
  const lang = negotiateLanguage(req, res.locals.user?.language ?? null);
  res.locals.lang = lang;
  req.t = translator(lang);
  next();
};
