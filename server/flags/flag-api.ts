import { Router } from 'express';
import { requirePermission } from '../people/permissions.ts';
import type { Db } from '../db/connection.ts';
import { openFlags } from './flag-queries.ts';
import { dismissFlag, flagEntry, resolveFlag } from './flag-service.ts';

/** JSON twins of the flag form and the flags queue; same services, same rules. */
export function flagApi(db: Db) {
  const router = Router();

  router.post('/entries/:id/flags', (req, res) => {
    res.status(201).json(flagEntry(db, res.locals.user, req.params.id, req.body));
  });

  router.get('/flags', (_req, res) => {
    requirePermission(res.locals.user, 'resolveFlags');
    res.json({ flags: openFlags(db) });
  });

  router.post('/flags/:flag/resolve', (req, res) => {
    res.json(resolveFlag(db, res.locals.user, Number(req.params.flag), req.body));
  });

  router.post('/flags/:flag/dismiss', (req, res) => {
    res.json(dismissFlag(db, res.locals.user, Number(req.params.flag), req.body));
  });

  return router;
}
