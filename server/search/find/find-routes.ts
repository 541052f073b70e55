import { Router } from 'express';
import { z } from 'zod';
import { requirePermission } from '../../people/permissions.ts';
import type { Db } from '../../db/connection.ts';
import type { EntryStatus } from '../../entries/entry.ts';
import { STATUS_LABELS } from '../../entries/entry-view.ts';
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
        statusLabel: STATUS_LABELS[entry.status as EntryStatus],
        isVetted: entry.status === 'vetted',
        matches: entry.matches.map((m) => ({ ...m, several: m.count > 1 })),
      })),
    };
    res.render('search/find', { title: q ? `${q} – find in every entry` : 'Find in every entry', findQuery: q, found: view, hasQuery: q.trim().length > 0 });
  });

  router.get('/api/find', (req, res) => {
    requirePermission(res.locals.user, 'review');
    const { q } = validate(findParamsSchema, req.query);
    res.json(findInEntries(db, q));
  });

  return router;
}
