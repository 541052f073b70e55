import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { latestChangeSeq } from '../db/changes.ts';
import { countEntries } from '../entries/entry-queries.ts';

/** For load balancers and monitors: answers only when the database can be read. */
export function healthRoutes(db: Db) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', entries: countEntries(db), changeSeq: latestChangeSeq(db) });
  });
  return router;
}
