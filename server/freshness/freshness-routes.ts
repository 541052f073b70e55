import { Router, type Request, type Response } from 'express';
import { flash, safeNext } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { entryParam } from '../entries/visible-entry.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { formatDate } from '../i18n/format.ts';
import { DUE_SOON_DAYS, FRESH_FOR_DAYS, staleList, verifyEntry } from './freshness-service.ts';
import { staleView, type VerifyForm } from './freshness-view.ts';
import { outdatedTranslations } from '../translations/translation-service.ts';

/** Shows the entry page again with the verify form's error and the date typed (the entry page is the app's to compose). */
export type ShowEntryWithVerifyForm = (req: Request, res: Response, form: VerifyForm) => void;

/** The lead's Verify button (entry page and stale page) and the stale page. */
export function freshnessRoutes(db: Db, showEntryWith: ShowEntryWithVerifyForm) {
  const router = Router();
  entryParam(router, db);

  router.post('/entries/:id/verify', (req, res) => {
    try {
      const done = verifyEntry(db, res.locals.user, req.params.id, req.body);
      flash(db, res, req.t('freshness.verified', { date: formatDate(done.reviewBy, res.locals.lang) }));
      res.redirect(typeof req.body?.next === 'string' ? safeNext(req.body.next) : `/entries/${done.id}`);
    } catch (error) {
      const reviewBy = typeof req.body?.reviewBy === 'string' ? req.body.reviewBy : undefined;
      showFormAgain(res, error, ({ message }) => showEntryWith(req, res, { error: message, reviewBy }));
    }
  });

  router.get('/stale', (_req, res) => {
    const items = staleList(db, res.locals.user);
    res.render('freshness/stale', { title: res.req.t('header.stale'), dueSoonDays: DUE_SOON_DAYS, freshForDays: FRESH_FOR_DAYS, ...staleView(items), outdatedTranslations: outdatedTranslations(db, res.locals.user).length });
  });

  return router;
}
