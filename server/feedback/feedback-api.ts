import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { entryParam } from '../entries/visible-entry.ts';
import { giveFeedback, helpfulCounts, optionFeedback, voteHelpful } from './feedback-service.ts';

/** JSON twins of the feedback buttons, and the counts for anyone who can read the entry. */
export function feedbackApi(db: Db) {
  const router = Router();
  entryParam(router, db);

  router.get('/entries/:id/feedback', (_req, res) => {
    const stored = res.locals.entry!;
    const { yes, no } = helpfulCounts(db, stored.entry.id, undefined);
    res.json({ options: optionFeedback(db, stored), helpful: { yes, no } });
  });

  router.post('/entries/:id/feedback', (req, res) => {
    res.status(201).json(giveFeedback(db, res.locals.user, req.params.id, req.body));
  });

  router.post('/entries/:id/helpful', (req, res) => {
    res.json(voteHelpful(db, res.locals.user, req.params.id, req.body));
  });

  return router;
}
