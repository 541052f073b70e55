import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { compareRevisions, entryHistory, restoreMessage, restoreRevision, revisionOf } from './revision-service.ts';

/** JSON twins of the history, diff and restore pages; same service, same rules. */
export function revisionApi(db: Db) {
  const router = Router();

  router.get('/entries/:id/revisions', (req, res) => {
    const { stored, revisions } = entryHistory(db, res.locals.user, req.params.id);
    const id = stored.entry.id;
    res.json({
      id,
      current: stored.revision,
      revisions: revisions.map((r) => ({ ...r, url: `/api/entries/${id}/revisions/${r.number}` })),
    });
  });

  router.get('/entries/:id/revisions/:n', (req, res) => {
    const { entry, ...info } = revisionOf(db, res.locals.user, req.params.id, req.params.n);
    res.json({ ...info, entry });
  });

  router.get('/entries/:id/diff', (req, res) => {
    const { stored, from, to, sections } = compareRevisions(db, res.locals.user, req.params.id, req.query);
    res.json({ id: stored.entry.id, from: from?.number ?? null, to: to.number, sections });
  });

  router.post('/entries/:id/revisions/:n/restore', (req, res) => {
    const outcome = restoreRevision(db, res.locals.user, req.params.id, req.params.n);
    res.status(outcome.changed ? 201 : 200).json({
      id: outcome.entryId,
      restored: outcome.restored,
      revision: outcome.revision,
      changed: outcome.changed,
      message: restoreMessage(outcome),
      url: `/entries/${outcome.entryId}`,
    });
  });

  return router;
}
