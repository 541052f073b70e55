import { Router } from 'express';
import { visibleStatuses } from '../entries/visible-entry.ts';

import type { Db } from '../db/connection.ts';
import { entriesInCategory } from '../entries/entry-queries.ts';
import { notFound } from '../errors/domain-errors.ts';
import { findCategory } from './category-queries.ts';

export function categoryRoutes(db: Db) {
  const router = Router();

  router.get('/categories/:slug', (req, res) => {
    const category = findCategory(db, req.params.slug);
    if (!category) throw notFound('category');
    const entries = entriesInCategory(db, category.slug, visibleStatuses(res.locals.user));
    // A category whose every entry is hidden from this reader (drafts only) does not exist for them.
    if (!entries.length) throw notFound('category');
    res.render('categories/category', {
      title: category.name,
      category,
      common: entries.filter((e) => e.kind === 'common'),
      unusual: entries.filter((e) => e.kind === 'unusual'),
      count: entries.length,
    });
  });

  return router;
}
