import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { entryParam } from '../entries/visible-entry.ts';
import { translationsOf } from '../translations/translation-service.ts';

export function entryApi(db: Db) {
  const router = Router();
  entryParam(router, db);

  /** The whole entry in the shape POST /api/entries takes, with its current revision number. */
  router.get('/entries/:id', (_req, res) => {
    const stored = res.locals.entry!;
    res.json({
      ...stored.entry,
      revision: stored.revision,
      translations: translationsOf(db, res.locals.user, stored.entry.id).others.map(({ id, language, outdated }) => ({ id, language, outdated })),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      url: `/entries/${stored.entry.id}`,
    });
  });

  return router;
}
