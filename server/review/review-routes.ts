import { Router, type Response } from 'express';
import { can, requirePermission } from '../people/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { entryPreview } from '../entries/entry-preview.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { diffEntries } from '../revisions/entry-diff.ts';
import { EditConflict } from '../entries/edit-conflict.ts';
import { proposalParam } from '../contribute/visible-proposal.ts';
import { proposalsBy, proposalsInState, reviewEvents, type Proposal } from '../contribute/proposal-queries.ts';
import type { TFunction } from 'i18next';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { decide } from './review-service.ts';
import { FRESH_FOR_DAYS } from '../freshness/freshness-service.ts';

function listItem(p: Proposal) {
  return {
    id: p.id,
    title: p.entry.title,
    entryId: p.entryId,
    isNew: p.isNew,
    author: p.author,
    summary: p.summary,
    state: p.state,
    updatedAt: p.updatedAt,
    createdAt: p.createdAt,
    canRevise: p.state === 'pending' || p.state === 'changes_requested',
  };
}

/**
 * A new entry as agents will see it once approved (the entry page's own partials), and its
 * other fields in words: a lead checks the card, then where it files and how it is found.
 */
function proposedEntry(proposal: Proposal, t: TFunction, language: Language) {
  const { entry } = proposal;
  return {
    entry: entryPreview(entry),
    fields: [
      // Labels are catalogue keys: the page says them in the reader's language.
      { label: 'search.kind', value: t('editor.kind', { context: entry.kind }) },
      { label: 'entry.category', value: entry.category },
      { label: 'search.language', value: entry.language },
      { label: 'entry.tags', value: entry.tags.join(', ') || t('review.none') },
      { label: 'entry.owner', value: entry.owner ?? t('review.ownerWhenApproved') },
      { label: 'entry.reviewBy', value: entry.reviewBy ? formatDate(entry.reviewBy, language) : t('review.reviewByWhenApproved', { count: FRESH_FOR_DAYS }) },
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
      title: res.req.t('review.queue'),
      pending: proposalsInState(db, 'pending').map(listItem),
      waiting: proposalsInState(db, 'changes_requested').map(listItem),
    });
  });

  router.get('/my/drafts', (_req, res) => {
    const user = requirePermission(res.locals.user, 'propose');
    const mine = proposalsBy(db, user.name).map((p) => ({ ...listItem(p), lastComment: reviewEvents(db, p.id).filter((e) => e.comment).at(-1) }));
    res.render('review/my-drafts', { title: res.req.t('header.myDrafts'), proposals: mine });
  });

  const renderProposal = (res: Response, proposal: Proposal, extra = {}) => {
    const user = res.locals.user;
    const current = proposal.isNew ? undefined : findEntry(db, proposal.entryId);
    res.render('review/proposal', {
      title: proposal.entry.title,
      proposal: listItem(proposal),
      events: reviewEvents(db, proposal.id),
      changes: current ? diffEntries(current.entry, proposal.entry, { readable: true }) : [],
      proposed: proposal.isNew ? proposedEntry(proposal, res.req.t, res.locals.lang) : null,
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
        approved: req.t('review.approved', { title: proposal.entry.title, revision: outcome.revision }),
        changes_requested: req.t('review.sentBack', { name: proposal.author }),
        rejected: req.t('review.rejected', { name: proposal.author }),
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
