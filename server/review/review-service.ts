import { z } from 'zod';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { addDays, today } from '../dates/days.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { FRESH_FOR_DAYS } from '../freshness/freshness-service.ts';
import { saveEntry } from '../entries/save-entry.ts';
import { Conflict, Invalid, NotFound, notFound } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { EditConflict } from '../entries/edit-conflict.ts';
import {
  findProposal, openProposalsFor, recordReviewEvent, setProposalState, type Proposal, type ProposalState,
} from '../contribute/proposal-queries.ts';

/** A lead's decision on a proposal: approve (it goes live as vetted), request changes, or reject. */

const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'request_changes', 'reject'], { error: 'decision must be approve, request_changes or reject' }),
    comment: z.string({ error: 'comment must be text' }).trim().max(2000, 'comment must be at most 2000 characters').default(''),
    proposal: z.coerce.number({ error: 'proposal must be a proposal number' }).int().positive().optional(),
  })
  .refine((d) => d.decision === 'approve' || d.comment.length > 0, {
    message: 'say what to change, or why it is rejected, in the comment',
    path: ['comment'],
  });

export interface ReviewOutcome {
  proposal: number;
  state: ProposalState;
  revision?: number;
}

export function decide(db: Db, actor: User | null, entryId: string, input: unknown): ReviewOutcome {
  const lead = requirePermission(actor, 'review');
  const { decision, comment, proposal: chosen } = validate(decisionSchema, input);
  return writeTransaction(db, (): ReviewOutcome => {
    const proposal = pickProposal(db, entryId, chosen);
    recordReviewEvent(db, proposal.id, lead.name, decision, comment);
    if (decision === 'request_changes') {
      setProposalState(db, proposal.id, 'changes_requested');
      return { proposal: proposal.id, state: 'changes_requested' };
    }
    if (decision === 'reject') {
      setProposalState(db, proposal.id, 'rejected');
      return { proposal: proposal.id, state: 'rejected' };
    }
    const revision = publish(db, proposal, lead);
    setProposalState(db, proposal.id, 'approved');
    return { proposal: proposal.id, state: 'approved', revision };
  });
}

function pickProposal(db: Db, entryId: string, chosen: number | undefined): Proposal {
  if (chosen !== undefined) {
    const proposal = findProposal(db, chosen);
    if (!proposal || proposal.entryId !== entryId) throw notFound('proposal');
    if (proposal.state === 'approved' || proposal.state === 'rejected') {
      throw new Conflict(`This proposal was already ${proposal.state}.`, 'proposal');
    }
    return proposal;
  }
  const open = openProposalsFor(db, entryId);
  if (open.length === 0) throw new NotFound('Nothing about this entry is waiting for review.');
  if (open.length > 1) throw new Invalid(`${open.length} proposals wait on this entry: say which with "proposal".`, 'proposal');
  return open[0]!;
}

function publish(db: Db, proposal: Proposal, lead: User): number {
  const current = findEntry(db, proposal.entryId);
  if (proposal.isNew && current) {
    throw new Conflict(`An entry with the id "${proposal.entryId}" was created meanwhile.`, 'id');
  }
  if (!proposal.isNew && current && current.revision !== proposal.baseRevision) {
    throw new EditConflict(current, proposal.entry);
  }
  const reviewBy = addDays(today(), FRESH_FOR_DAYS);
  const entry = {
    ...proposal.entry,
    status: 'vetted' as const,
    owner: proposal.entry.owner ?? lead.name,
    reviewBy: proposal.entry.reviewBy ?? reviewBy,
  };
  const saved = saveEntry(db, entry, {
    author: proposal.author,
    summary: `${proposal.summary} (approved by ${lead.name})`,
    createdBy: proposal.author,
  });
  return saved.revision;
}
