import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { reviseOwnProposal, submitEdit, submitNewEntry, type Submission } from './contribute-service.ts';

/** JSON twins of the editor: new entries, edits, and an author's revision of their proposal. */
export function contributeApi(db: Db) {
  const router = Router();

  const answer = (submission: Submission) =>
    submission.outcome === 'saved'
      ? { status: 201, body: { id: submission.entryId, revision: submission.revision, url: `/entries/${submission.entryId}` } }
      : { status: 202, body: { id: submission.entryId, proposal: submission.proposalId, state: 'pending', url: `/proposals/${submission.proposalId}` } };

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

  router.post('/proposals/:proposal', (req, res) => {
    const { why, ...entry } = (req.body ?? {}) as Record<string, unknown>;
    const { body } = answer(reviseOwnProposal(db, res.locals.user, Number(req.params.proposal), entry, typeof why === 'string' ? why : ''));
    res.status(200).json(body);
  });

  return router;
}
