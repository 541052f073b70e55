import { Router, type Response } from 'express';
import type { Db } from '../db/connection.ts';
import { HttpError, isRefusedInput } from '../http/http-error.ts';
import { completeSetup, signIn } from './account-service.ts';
import { setupTokenIsValid } from './first-run.ts';
import { flash, safeNext, signInResponse, signOutResponse } from './session-cookie.ts';
import { createToken, revokeToken, signedIn, tokensOf } from './token-service.ts';
import { countUsers } from './user-queries.ts';
import { languageChoices } from '../i18n/language-choices.ts';
import { tryAgainIn } from '../i18n/try-again.ts';

/** Sign in and out, first-run setup, and the person's own account page. */
export function accountRoutes(db: Db) {
  const router = Router();

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(safeNext(req.query.next));
    res.render('accounts/login', { title: req.t('login.title'), next: safeNext(req.query.next), firstRun: countUsers(db) === 0 });
  });

  router.post('/login', async (req, res) => {
    const next = safeNext(req.body?.next);
    try {
      const user = await signIn(db, req.body, req.ip ?? '');
      signInResponse(db, req, res, user.id);
      res.redirect(next);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.headers) res.set(error.headers);
      res.status(error.status).render('accounts/login', { title: req.t('login.title'), next, name: req.body?.name, error: error.status === 429 ? tryAgainIn(req.t, Number(error.headers?.['Retry-After'])) : error.status === 401 ? req.t('login.noMatch') : error.message });
    }
  });

  router.post('/logout', (_req, res) => {
    signOutResponse(db, res);
    res.redirect('/login');
  });

  router.get('/setup/:token', (req, res) => {
    if (!setupTokenIsValid(db, req.params.token)) throw new HttpError(410, req.t('setup.used'));
    res.render('accounts/setup', { title: req.t('setup.heading'), token: req.params.token });
  });

  router.post('/setup/:token', async (req, res) => {
    try {
      const admin = await completeSetup(db, req.params.token, req.body);
      signInResponse(db, req, res, admin.id);
      flash(db, res, req.t('setup.welcome', { name: admin.name }));
      res.redirect('/admin/users');
    } catch (error) {
      if (!(error instanceof HttpError) || error.status === 410) throw error;
      res.status(error.status).render('accounts/setup', {
        title: req.t('setup.heading'),
        token: req.params.token,
        name: req.body?.name,
        error: error.message,
        errorField: error.field,
      });
    }
  });

  const renderAccount = (res: Response, extra: Record<string, unknown> = {}) => {
    const user = signedIn(res.locals.user);
    res.render('accounts/account', { title: res.req.t('account.title'), account: user, tokens: tokensOf(db, user), interfaceLanguages: languageChoices(db, user.id), ...extra });
  };

  router.get('/account', (_req, res) => renderAccount(res));

  router.post('/account/tokens', (req, res) => {
    const user = signedIn(res.locals.user);
    try {
      renderAccount(res, { newToken: createToken(db, user, req.body, { actor: user.name, ip: req.ip ?? null }) });
    } catch (error) {
      if (!isRefusedInput(error)) throw error;
      res.status(error.status);
      renderAccount(res, { error: error.message, tokenName: req.body?.name });
    }
  });

  router.post('/account/tokens/:id/revoke', (req, res) => {
    const user = signedIn(res.locals.user);
    const revoked = revokeToken(db, user, req.params.id, { actor: user.name, ip: req.ip ?? null });
    flash(db, res, req.t('account.tokens.revoked', { name: revoked.name }));
    res.redirect('/account');
  });

  return router;
}
