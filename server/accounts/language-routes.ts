import { Router } from 'express';
import { flash } from './session-cookie.ts';
import { signedIn } from './token-service.ts';
import type { Db } from '../db/connection.ts';
import { Invalid } from '../errors/domain-errors.ts';
import { translator } from '../i18n/catalogues.ts';
import { setUserLanguage } from './language-queries.ts';
import { isLanguage } from '../i18n/languages.ts';

/** The "Interface language" choice on the account page: one of ours, or "" to follow the browser. */
export function languageRoutes(db: Db) {
  const router = Router();

  router.post('/account/language', (req, res) => {
    const user = signedIn(res.locals.user);
    const chosen: unknown = req.body?.language;
    if (chosen !== '' && !isLanguage(chosen)) throw new Invalid(req.t('account.language.unknown'), 'language');
    setUserLanguage(db, user.id, chosen === '' ? null : chosen);
    // Said in the language just chosen: the next page speaks it.
    const t = isLanguage(chosen) ? translator(chosen) : req.t;
    flash(db, res, chosen === '' ? t('account.language.followsBrowser') : t('account.language.saved'));
    res.redirect('/account');
  });

  return router;
}
