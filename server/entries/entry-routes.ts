import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { notFound } from '../http/http-error.ts';
import { findEntry, latestRevision } from './entry-queries.ts';
import { entryView } from './entry-view.ts';

export function entryRoutes(db: Db) {
  const router = Router();

  router.get('/entries/:id', (req, res) => {
    const stored = findEntry(db, req.params.id);
    if (!stored) throw notFound('entry');
    const today = new Date().toISOString().slice(0, 10);
    res.render('entries/entry', {
      title: stored.entry.title,
      entry: entryView(stored, latestRevision(db, stored.entry.id), today),
    });
  });

  return router;
}
