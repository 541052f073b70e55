import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { readAudit } from './audit-service.ts';

/** `GET /api/audit?action=&person=&before=&limit=`: admins, newest first; `nextBefore` fetches the next page. */
export function auditApi(db: Db) {
  const router = Router();
  router.get('/audit', (req, res) => {
    const { entries, nextBefore } = readAudit(db, res.locals.user, req.query);
    res.json({ entries, nextBefore });
  });
  return router;
}
