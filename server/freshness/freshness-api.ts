import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { staleList, verifyEntry } from './freshness-service.ts';

/** JSON twins of the Verify button and the stale page; same services, same rules. */
export function freshnessApi(db: Db) {
  const router = Router();

  router.post('/entries/:id/verify', (req, res) => {
    res.json(verifyEntry(db, res.locals.user, req.params.id, req.body));
  });

  router.get('/stale', (_req, res) => {
    res.json({ entries: staleList(db, res.locals.user) });
  });

  return router;
}
