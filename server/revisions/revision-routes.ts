import { Router } from 'express';
import { can } from '../people/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { listRevisions } from './revision-queries.ts';
import { compareRevisions, entryHistory, restoreRevision } from './revision-service.ts';
import { diffView, historyView } from './revision-view.ts';

/** An entry's history page, the comparison of two revisions, and restoring an old one. */
export function revisionRoutes(db: Db) {
  const router = Router();

  router.get('/entries/:id/history', (req, res) => {
    const { stored, revisions } = entryHistory(db, res.locals.user, req.params.id);
    res.render('revisions/history', {
      title: req.t('history.title', { title: stored.entry.title }),
      ...historyView(stored, revisions, can(res.locals.user, 'restore')),
    });
  });

  router.get('/entries/:id/diff', (req, res) => {
    const comparison = compareRevisions(db, res.locals.user, req.params.id, req.query);
    res.render('revisions/diff', {
      title: req.t('diff.title', { title: comparison.stored.entry.title }),
      ...diffView(comparison, listRevisions(db, req.params.id), can(res.locals.user, 'restore')),
    });
  });

  router.post('/entries/:id/revisions/:n/restore', (req, res) => {
    const outcome = restoreRevision(db, res.locals.user, req.params.id, req.params.n);
    flash(db, res, outcome.changed ? req.t('history.restored', { number: outcome.restored, revision: outcome.revision }) : req.t('history.restoredSame', { number: outcome.restored }));
    res.redirect(`/entries/${outcome.entryId}`);
  });

  return router;
}
