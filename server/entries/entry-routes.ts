import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { can, canSeeEntry } from '../accounts/permissions.ts';
import { notFound } from '../http/http-error.ts';
import { openProposalsFor } from '../review/proposal-queries.ts';
import { findEntry, latestRevision } from './entry-queries.ts';
import { entryView } from './entry-view.ts';

export function entryRoutes(db: Db) {
  const router = Router();

  router.get('/entries/:id', (req, res) => {
    const user = res.locals.user;
    const stored = findEntry(db, req.params.id);
    if (!stored || !canSeeEntry(user, stored.entry.status, stored.createdBy)) throw notFound('entry');
    const today = new Date().toISOString().slice(0, 10);
    res.render('entries/entry', {
      title: stored.entry.title,
      entry: entryView(stored, latestRevision(db, stored.entry.id), today),
      can: { edit: can(user, 'editDirectly'), propose: can(user, 'propose') },
      openProposals: can(user, 'review') ? openProposalsFor(db, stored.entry.id).length : 0,
    });
  });

  return router;
}
