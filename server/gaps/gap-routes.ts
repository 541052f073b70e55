import { Router } from 'express';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { showFormAgain } from '../http/refused-form.ts';
import type { Search } from '../search/search.ts';
import { addGapAsPhrasing, dismissGap, gapsFor } from './gap-service.ts';

/** The leads' content-gap page: searches that found nothing, or nothing worth opening. */
export function gapRoutes(db: Db, search: Search) {
  const router = Router();

  router.get('/gaps', (_req, res) => {
    const gaps = gapsFor(db, res.locals.user).map((gap) => ({
      ...gap,
      newEntryUrl: `/entries/new?${new URLSearchParams({ title: gap.query, phrasing: gap.query })}`,
      // The entries the search engine thinks come closest: the likely home for these words.
      candidates: search.search(gap.query, { limit: 5 }).results.map((r) => ({ id: r.id, title: r.title })),
    }));
    res.render('gaps/gaps', { title: res.req.t('header.gaps'), gaps });
  });

  router.post('/gaps/phrasing', (req, res) => {
    try {
      const done = addGapAsPhrasing(db, res.locals.user, req.body);
      flash(db, res, req.t('gaps.added', { query: req.body.query, revision: done.revision }));
      res.redirect('/gaps');
    } catch (error) {
      showFormAgain(res, error, ({ message }) => {
        flash(db, res, req.t('gaps.notAdded', { reason: message }));
        res.redirect('/gaps');
      });
    }
  });

  router.post('/gaps/dismiss', (req, res) => {
    dismissGap(db, res.locals.user, req.body);
    flash(db, res, req.t('gaps.dismissed', { query: req.body.query }));
    res.redirect('/gaps');
  });

  return router;
}
