import { Router } from 'express';
import { can, requirePermission } from '../people/permissions.ts';
import type { Db } from '../db/connection.ts';
import { notFound } from '../errors/domain-errors.ts';
import { findProposal, proposalsBy, proposalsInState, reviewEvents, type Proposal } from './proposal-queries.ts';
import { decide } from '../review/review-service.ts';
import { reviseOwnProposal, submitEdit, submitNewEntry, type Submission } from './contribute-service.ts';

/** JSON twins of the editor and the review pages; same services, same rules. */
export function contributeApi(db: Db) {
  const router = Router();

  const answer = (submission: Submission) =>
    submission.outcome === 'saved'
      ? { status: 201, body: { id: submission.entryId, revision: submission.revision, url: `/entries/${submission.entryId}` } }
      : { status: 202, body: { id: submission.entryId, proposal: submission.proposalId, state: 'pending', url: `/proposals/${submission.proposalId}` } };

  const proposalJson = (p: Proposal) => ({ ...p, events: reviewEvents(db, p.id) });

  /** A new entry, shaped as GET /api/entries/:id returns one; `summary` there is the entry's, `why` the change's. */
  router.post('/entries', (req, res) => {
    const { why, ...entry } = (req.body ?? {}) as Record<string, unknown>;
    const { status, body } = answer(submitNewEntry(db, res.locals.user, entry, typeof why === 'string' ? why : ''));
    res.status(status).json(body);
  });

  /** `resolvesFlags`: ids of open flags a lead's saved edit fixes. */
  router.post('/entries/:id/revisions', (req, res) => {
    const { why, baseRevision, revision: _revision, resolvesFlags, ...entry } = (req.body ?? {}) as Record<string, unknown>;
    const submission = submitEdit(db, res.locals.user, req.params.id, entry, baseRevision, typeof why === 'string' ? why : '', resolvesFlags);
    const { resolvedFlags } = submission;
    const { status, body } = answer(submission);
    res.status(status).json(resolvedFlags ? { ...body, resolvedFlags } : body);
  });

  router.post('/entries/:id/review', (req, res) => {
    res.json(decide(db, res.locals.user, req.params.id, req.body ?? {}));
  });

  router.get('/proposals', (req, res) => {
    const user = requirePermission(res.locals.user, 'propose');
    const mine = req.query.mine !== undefined || !can(user, 'review');
    const list = mine ? proposalsBy(db, user.name) : proposalsInState(db, 'pending');
    res.json({ proposals: list.map(proposalJson) });
  });

  router.get('/proposals/:proposal', (req, res) => {
    const user = requirePermission(res.locals.user, 'propose');
    const proposal = findProposal(db, Number(req.params.proposal));
    if (!proposal || (proposal.author !== user.name && !can(user, 'review'))) throw notFound('proposal');
    res.json(proposalJson(proposal));
  });

  router.post('/proposals/:proposal', (req, res) => {
    const { why, ...entry } = (req.body ?? {}) as Record<string, unknown>;
    const { body } = answer(reviseOwnProposal(db, res.locals.user, Number(req.params.proposal), entry, typeof why === 'string' ? why : ''));
    res.status(200).json(body);
  });

  return router;
}
