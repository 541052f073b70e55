import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { notFound } from '../errors/domain-errors.ts';
import { findGuide, listGuides } from './guide-queries.ts';

export function guideRoutes(db: Db) {
  const router = Router();

  router.get('/guides', (_req, res) => {
    res.render('guides/index', { title: res.req.t('guides.title'), guides: listGuides(db) });
  });

  router.get('/guides/:id', (req, res) => {
    const guide = findGuide(db, req.params.id);
    if (!guide) throw notFound('guide');
    const guides = listGuides(db);
    const next = guides[guides.findIndex((g) => g.id === guide.id) + 1];
    res.render('guides/guide', { title: guide.title, guide, next });
  });

  return router;
}
