import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { latestChangeSeq } from '../db/changes.ts';
import { countEntries } from '../entries/entry-queries.ts';

/**
 * For load balancers and monitors: answers only when the database can be read. `vectors` says how
 * far sentence vectors are (given by the app, so this ground floor imports no feature).
 */
export function healthRoutes(db: Db, vectors: () => object) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    // vectors: how many entries search can compare by meaning yet (it answers by words meanwhile).
    res.json({ status: 'ok', entries: countEntries(db), changeSeq: latestChangeSeq(db), vectors: vectors() });
  });
  return router;
}
