import { Router } from 'express';
import { z } from 'zod';
import { requirePermission } from '../../people/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { validate } from '../../http/validate.ts';
import { findInEntries } from './find-in-entries.ts';

const findParamsSchema = z.object({
  q: z.string({ error: 'q must be given once' }).max(200, 'q must be at most 200 characters').default(''),
});

/** Leads' "find in every entry": the page, GET /find?q=, and its JSON twin, GET /api/find?q=. */
export function findRoutes(db: Db) {
  const router = Router();

  router.get('/find', (req, res) => {
    requirePermission(res.locals.user, 'review');
    const { q } = validate(findParamsSchema, req.query);
    const found = findInEntries(db, q);
    const view = {
      ...found,
      moreThanShown: found.total > found.entries.length,
      entries: found.entries.map((entry) => ({
        ...entry,
        isVetted: entry.status === 'vetted',
        matches: entry.matches.map((m) => ({ ...m, several: m.count > 1 })),
      })),
    };
    res.render('search/find', { title: q ? req.t('find.title', { query: q }) : req.t('header.find'), findQuery: q, found: view, hasQuery: q.trim().length > 0 });
  });

  router.get('/api/find', (req, res) => {
    requirePermission(res.locals.user, 'review');
    const { q } = validate(findParamsSchema, req.query);
    res.json(findInEntries(db, q));
  });

  return router;
}
