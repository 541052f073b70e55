import { Router } from 'express';
import { flash, safeNext } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { showEntry } from '../entries/entry-routes.ts';
import { isRefusedInput } from '../http/http-error.ts';
import { formatDate } from '../i18n/format.ts';
import { FRESH_FOR_DAYS } from '../review/review-service.ts';
import { DUE_SOON_DAYS, staleList, verifyEntry } from './freshness-service.ts';
import { staleView } from './freshness-view.ts';
import { outdatedTranslations } from '../translations/translation-service.ts';

/** The lead's Verify button (entry page and stale page) and the stale page. */
export function freshnessRoutes(db: Db) {
  const router = Router();

  router.post('/entries/:id/verify', (req, res) => {
    try {
      const done = verifyEntry(db, res.locals.user, req.params.id, req.body);
      flash(db, res, req.t('freshness.verified', { date: formatDate(done.reviewBy, res.locals.lang) }));
      res.redirect(typeof req.body?.next === 'string' ? safeNext(req.body.next) : `/entries/${done.id}`);
    } catch (error) {
      if (!isRefusedInput(error)) throw error;
      const reviewBy = typeof req.body?.reviewBy === 'string' ? req.body.reviewBy : undefined;
      showEntry(db, req.params.id, req, res.status(error.status), { verify: { error: error.message, reviewBy } });
    }
  });

  router.get('/stale', (_req, res) => {
    const items = staleList(db, res.locals.user);
    res.render('freshness/stale', { title: res.req.t('header.stale'), dueSoonDays: DUE_SOON_DAYS, freshForDays: FRESH_FOR_DAYS, ...staleView(items), outdatedTranslations: outdatedTranslations(db, res.locals.user).length });
  });

  return router;
}
