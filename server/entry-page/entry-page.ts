import { Router, type Request, type Response } from 'express';
import type { Db } from '../db/connection.ts';
import { can } from '../people/permissions.ts';
import { composePanel, type ComposeQuery } from '../call-card/compose-panel.ts';
import { localToday } from '../call-card/working-days.ts';
import { helpfulPanel, withFeedback } from '../feedback/feedback-view.ts';
import { flagPanel, type FlagForm } from '../flags/flag-view.ts';
import { freshnessPanel, type VerifyForm } from '../freshness/freshness-view.ts';
import { today } from '../dates/days.ts';
import { openProposalsFor } from '../contribute/proposal-queries.ts';
import { latestRevision } from '../entries/entry-queries.ts';
import { entryView } from '../entries/entry-view.ts';
import { entryParam } from '../entries/visible-entry.ts';
import { translationsOf } from '../translations/translation-service.ts';

/** What a refused form on the entry page sends back, so the page shows the error and keeps what was typed. */
export interface EntryPageForms {
  flag?: FlagForm;
  verify?: VerifyForm;
}

/**
 * The entry page, composed here from each feature's panel (no feature imports this folder). The flag
 * and verify forms show it again when their input is refused: the app hands them this function.
 */
export function showEntry(db: Db, req: Request, res: Response, forms: EntryPageForms = {}) {
  const user = res.locals.user;
  // Loaded and checked by entryParam on every router whose routes show this page.
  const stored = res.locals.entry!;
  const view = entryView(stored, latestRevision(db, stored.entry.id), today());
  res.render('entries/entry', {
    title: stored.entry.title,
    entry: withFeedback(db, user, view, stored, req.query.sort === 'success'),
    can: { edit: can(user, 'editDirectly'), propose: can(user, 'propose') },
    openProposals: can(user, 'review') ? openProposalsFor(db, stored.entry.id).length : 0,
    flags: flagPanel(db, user, stored.entry.id, forms.flag),
    helpful: helpfulPanel(db, user, stored.entry.id),
    freshness: freshnessPanel(db, user, stored.entry, forms.verify),
    compose: composePanel(stored, localToday(), req.query as ComposeQuery),
    translations: translationsOf(db, user, stored.entry.id),
  });
}

export function entryPageRoutes(db: Db) {
  const router = Router();

  entryParam(router, db);
  router.get('/entries/:id', (req, res) => showEntry(db, req, res));

  return router;
}
