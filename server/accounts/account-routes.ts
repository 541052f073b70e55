import { Router, type Response } from 'express';
import type { Db } from '../db/connection.ts';
import { Gone, TooManyAttempts, Unauthenticated } from '../errors/domain-errors.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { completeSetup, signIn } from './account-service.ts';
import { setupTokenIsValid } from './first-run.ts';
import { flash, safeNext, signInResponse, signOutResponse } from './session-cookie.ts';
import { createToken, revokeToken, signedIn, tokensOf } from './token-service.ts';
import { countUsers } from './user-queries.ts';
import { languageChoices } from './language-choices.ts';
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
      showFormAgain(res, error, ({ error: refused, message }) =>
        res.render('accounts/login', {
          title: req.t('login.title'),
          next,
          name: req.body?.name,
          error: refused instanceof TooManyAttempts ? tryAgainIn(req.t, Number(refused.headers?.['Retry-After']))
            : refused instanceof Unauthenticated ? req.t('login.noMatch') : message,
        }),
      );
    }
  });

  router.post('/logout', (_req, res) => {
    signOutResponse(db, res);
    res.redirect('/login');
  });

  router.get('/setup/:token', (req, res) => {
    if (!setupTokenIsValid(db, req.params.token)) throw new Gone(req.t('setup.used'));
    res.render('accounts/setup', { title: req.t('setup.heading'), token: req.params.token });
  });

  router.post('/setup/:token', async (req, res) => {
    try {
      const admin = await completeSetup(db, req.params.token, req.body);
      signInResponse(db, req, res, admin.id);
      flash(db, res, req.t('setup.welcome', { name: admin.name }));
      res.redirect('/admin/users');
    } catch (error) {
      showFormAgain(res, error, ({ message, field }) =>
        res.render('accounts/setup', { title: req.t('setup.heading'), token: req.params.token, name: req.body?.name, error: message, errorField: field }),
      );
    }
  });

  const renderAccount = (res: Response, extra: Record<string, unknown> = {}) => {
    const user = signedIn(res.locals.user);
    res.render('accounts/account', { title: res.req.t('account.title'), account: user, tokens: tokensOf(db, user), interfaceLanguages: languageChoices(user.language), ...extra });
  };

  router.get('/account', (_req, res) => renderAccount(res));

  router.post('/account/tokens', (req, res) => {
    const user = signedIn(res.locals.user);
    try {
      renderAccount(res, { newToken: createToken(db, user, req.body, { actor: user.name, ip: req.ip ?? null }) });
    } catch (error) {
      showFormAgain(res, error, ({ message }) => renderAccount(res, { error: message, tokenName: req.body?.name }));
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
