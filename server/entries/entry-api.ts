import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { canSeeEntry } from '../accounts/permissions.ts';
import { notFound } from '../http/http-error.ts';
import { findEntry } from './entry-queries.ts';

export function entryApi(db: Db) {
  const router = Router();

  /** The whole entry in the shape POST /api/entries takes, with its current revision number. */
  router.get('/entries/:id', (req, res) => {
    const stored = findEntry(db, req.params.id);
    if (!stored || !canSeeEntry(res.locals.user, stored.entry.status, stored.createdBy)) throw notFound('entry');
    res.json({
      ...stored.entry,
      revision: stored.revision,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      url: `/entries/${stored.entry.id}`,
    });
  });

  return router;
}
