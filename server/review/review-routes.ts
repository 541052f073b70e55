import { Router, type Response } from 'express';
import { can, requirePermission } from '../people/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { entryPreview } from '../entries/entry-preview.ts';
import { KIND_LABELS } from '../entries/entry-view.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { diffEntries } from '../revisions/entry-diff.ts';
import { EditConflict } from '../entries/edit-conflict.ts';
import { proposalParam } from '../contribute/visible-proposal.ts';
import { proposalsBy, proposalsInState, reviewEvents, type Proposal } from '../contribute/proposal-queries.ts';
import { date } from '../render/helpers/date.ts';
import { decide } from './review-service.ts';
import { FRESH_FOR_DAYS } from '../freshness/freshness-service.ts';

const STATE_LABELS = {
  pending: 'Waiting for review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
} as const;

function listItem(p: Proposal) {
  return {
    id: p.id,
    title: p.entry.title,
    entryId: p.entryId,
    isNew: p.isNew,
    author: p.author,
    summary: p.summary,
    state: p.state,
    stateLabel: STATE_LABELS[p.state],
    updatedAt: p.updatedAt,
    createdAt: p.createdAt,
    canRevise: p.state === 'pending' || p.state === 'changes_requested',
  };
}

/**
 * A new entry as agents will see it once approved (the entry page's own partials), and its
 * other fields in words: a lead checks the card, then where it files and how it is found.
 */
function proposedEntry(proposal: Proposal) {
  const { entry } = proposal;
  return {
    entry: entryPreview(entry),
    fields: [
      { label: 'Kind', value: KIND_LABELS[entry.kind] },
      { label: 'Category', value: entry.category },
      { label: 'Language', value: entry.language },
      { label: 'Tags', value: entry.tags.join(', ') || 'none' },
      { label: 'Owner', value: entry.owner ?? 'you, when you approve it' },
      { label: 'Review by', value: entry.reviewBy ? date(entry.reviewBy) : `in ${FRESH_FOR_DAYS} days, when you approve it` },
    ],
    phrasings: entry.phrasings,
  };
}

/** The leads' review queue, one proposal's page with its decision form, and an author's drafts. */
export function reviewRoutes(db: Db) {
  const router = Router();
  proposalParam(router, db);

  router.get('/review', (_req, res) => {
    requirePermission(res.locals.user, 'review');
    res.render('review/queue', {
      title: 'Review queue',
      pending: proposalsInState(db, 'pending').map(listItem),
      waiting: proposalsInState(db, 'changes_requested').map(listItem),
    });
  });

  router.get('/my/drafts', (_req, res) => {
    const user = requirePermission(res.locals.user, 'propose');
    const mine = proposalsBy(db, user.name).map((p) => ({ ...listItem(p), lastComment: reviewEvents(db, p.id).filter((e) => e.comment).at(-1) }));
    res.render('review/my-drafts', { title: 'My drafts', proposals: mine });
  });

  const renderProposal = (res: Response, proposal: Proposal, extra = {}) => {
    const user = res.locals.user;
    const current = proposal.isNew ? undefined : findEntry(db, proposal.entryId);
    res.render('review/proposal', {
      title: proposal.entry.title,
      proposal: listItem(proposal),
      events: reviewEvents(db, proposal.id),
      changes: current ? diffEntries(current.entry, proposal.entry, { readable: true }) : [],
      proposed: proposal.isNew ? proposedEntry(proposal) : null,
      // A lead reads a new entry whole: its options start open.
      openOptions: proposal.isNew,
      stale: !!current && current.revision !== proposal.baseRevision,
      currentRevision: current?.revision,
      canDecide: can(user, 'review') && (proposal.state === 'pending' || proposal.state === 'changes_requested'),
      canRevise: (proposal.author === user?.name || can(user, 'review')) && listItem(proposal).canRevise,
      ...extra,
    });
  };

  router.get('/proposals/:proposal', (_req, res) => {
    renderProposal(res, res.locals.proposal!);
  });

  router.post('/proposals/:proposal/decision', (req, res) => {
    const proposal = res.locals.proposal!;
    try {
      const outcome = decide(db, res.locals.user, proposal.entryId, { ...req.body, proposal: proposal.id });
      const message = {
        approved: `Approved: "${proposal.entry.title}" is live as revision ${outcome.revision}.`,
        changes_requested: `Sent back to ${proposal.author} with your comment.`,
        rejected: `Rejected. ${proposal.author} will see your reason.`,
        pending: '',
      }[outcome.state];
      flash(db, res, message);
      res.redirect(outcome.state === 'approved' ? `/entries/${proposal.entryId}` : '/review');
    } catch (error) {
      showFormAgain(res, error, ({ message, error }) =>
        renderProposal(res, proposal, { error: message, comment: req.body?.comment, conflict: error instanceof EditConflict }),
      );
    }
  });

  return router;
}
