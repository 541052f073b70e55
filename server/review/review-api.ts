import { Router } from 'express';
import { proposalParam } from '../contribute/visible-proposal.ts';
import { proposalsBy, proposalsInState, reviewEvents, type Proposal } from '../contribute/proposal-queries.ts';
import type { Db } from '../db/connection.ts';
import { can, requirePermission } from '../people/permissions.ts';
import { decide } from './review-service.ts';

/** JSON twins of the review pages: the queue, one proposal with its events, and the lead's decision. */
export function reviewApi(db: Db) {
  const router = Router();
  proposalParam(router, db);

  const proposalJson = (p: Proposal) => ({ ...p, events: reviewEvents(db, p.id) });

  router.post('/entries/:id/review', (req, res) => {
    res.json(decide(db, res.locals.user, req.params.id, req.body ?? {}));
  });

  router.get('/proposals', (req, res) => {
    const user = requirePermission(res.locals.user, 'propose');
    const mine = req.query.mine !== undefined || !can(user, 'review');
    const list = mine ? proposalsBy(db, user.name) : proposalsInState(db, 'pending');
    res.json({ proposals: list.map(proposalJson) });
  });

  router.get('/proposals/:proposal', (_req, res) => res.json(proposalJson(res.locals.proposal!)));

  return router;
}
