import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { latestChangeSeq } from '../db/changes.ts';
import { countEntries } from '../entries/entry-queries.ts';
import type { Search } from '../search/search.ts';

/** For load balancers and monitors: answers only when the database can be read. */
export function healthRoutes(db: Db, search: Search) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    // vectors: how many entries search can compare by meaning yet (it answers by words meanwhile).
    res.json({ status: 'ok', entries: countEntries(db), changeSeq: latestChangeSeq(db), vectors: search.meaning.status() });
  });
  return router;
}
