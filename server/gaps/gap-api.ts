import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { addGapAsPhrasing, dismissGap, gapsFor } from './gap-service.ts';

export function gapApi(db: Db) {
  const router = Router();
  router.get('/gaps', (_req, res) => res.json({ gaps: gapsFor(db, res.locals.user) }));
  router.post('/gaps/phrasing', (req, res) => res.json(addGapAsPhrasing(db, res.locals.user, req.body ?? {})));
  router.post('/gaps/dismiss', (req, res) => {
    dismissGap(db, res.locals.user, req.body ?? {});
    res.status(204).end();
  });
  return router;
}
