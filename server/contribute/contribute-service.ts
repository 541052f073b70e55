import { z } from 'zod';
import { can, requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { entrySchema, type Entry } from '../entries/entry.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { EditConflict } from '../entries/edit-conflict.ts';
import { saveEntry } from '../entries/save-entry.ts';
import { Conflict } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { visibleProposal } from './visible-proposal.ts';
import { idIsProposed, insertProposal, recordReviewEvent, reviseProposal } from './proposal-queries.ts';
import { visibleEntry } from '../entries/visible-entry.ts';
import { resolveFlagsByEdit } from '../flags/flag-service.ts';
import { resolveGap } from '../gaps/gap-queries.ts';
import { oneLine } from '../validation/text.ts';
import { checkTranslationLink } from '../translations/translation-service.ts';

/**
 * Adding and changing entries. A lead's change is saved at once; an agent's becomes a proposal
 * for review while the vetted version stays live. The pages and the API both call these.
 */

export type Submission =
  | { outcome: 'saved'; entryId: string; revision: number }
  | { outcome: 'proposed'; entryId: string; proposalId: number };

/** The one line the history shows for a change. */
const reasonSchema = oneLine('summary', 300, false);
const baseSchema = z.coerce.number({ error: 'baseRevision must be the revision number you started from' }).int().min(1);

/** `fromSearch`: the logged search (content gap) this entry answers; it is resolved with the save. */
export function submitNewEntry(db: Db, actor: User | null, input: unknown, why = '', fromSearch = ''): Submission {
  const user = requirePermission(actor, 'propose');
  const entry = validate(entrySchema, input);
  checkTranslationLink(db, entry);
  const summary = validate(reasonSchema, why) || 'New entry';
  return writeTransaction(db, (): Submission => {
    if (findEntry(db, entry.id) || idIsProposed(db, entry.id)) {
      throw new Conflict(`An entry with the id "${entry.id}" already exists or is waiting for review.`, 'id');
    }
    const submission = saveOrPropose(db, user, entry, summary);
    if (fromSearch) resolveGap(db, fromSearch, 'entry', entry.id, user.name);
    return submission;
  });
}

function saveOrPropose(db: Db, user: User, entry: Entry, summary: string): Submission {
  if (can(user, 'editDirectly')) {
    const saved = saveEntry(db, entry, { author: user.name, summary });
    return { outcome: 'saved', entryId: entry.id, revision: saved.revision };
  }
  const proposed = { ...entry, status: 'in_review' as const, owner: null, reviewBy: null };
  const proposalId = insertProposal(db, { entry: proposed, isNew: true, baseRevision: null, author: user.name, summary });
  return { outcome: 'proposed', entryId: entry.id, proposalId };
}

/**
 * The base-revision check, the save and the flags it resolves (`resolvesFlags`, see
 * resolveFlagsByEdit) are one write transaction: of two edits from the same base, in this process
 * or another, exactly one is saved and the other gets the EditConflict.
 */
export function submitEdit(
  db: Db, actor: User | null, id: string, input: unknown, baseRevision: unknown, why = '', resolvesFlags: unknown = [],
): Submission & { resolvedFlags: number } {
  const user = requirePermission(actor, 'propose');
  return writeTransaction(db, () => {
    const current = visibleEntry(db, user, id);
    const edited = validate(entrySchema, { ...(input as object), id });
    checkTranslationLink(db, edited);
    const base = validate(baseSchema, baseRevision);
    if (base !== current.revision) throw new EditConflict(current, edited);
    const summary = validate(reasonSchema, why) || 'Edited';
    if (can(user, 'editDirectly')) {
      const saved = saveEntry(db, edited, { author: user.name, summary });
      const submission = { outcome: 'saved' as const, entryId: id, revision: saved.revision };
      return { ...submission, resolvedFlags: resolveFlagsByEdit(db, user, submission, resolvesFlags) };
    }
    // Agents propose content; status, owner and review date stay the leads' to set.
    const { status, owner, reviewBy } = current.entry;
    const proposalId = insertProposal(db, {
      entry: { ...edited, status, owner, reviewBy },
      isNew: false,
      baseRevision: base,
      author: user.name,
      summary,
    });
    return { outcome: 'proposed' as const, entryId: id, proposalId, resolvedFlags: 0 };
  });
}

/** The author answers a request for changes (or improves a pending proposal): it goes back to review. */
export function reviseOwnProposal(db: Db, actor: User | null, proposalId: number, input: unknown, why = ''): Submission {
  const user = requirePermission(actor, 'propose');
  return writeTransaction(db, (): Submission => {
    const proposal = visibleProposal(db, user, proposalId);
    if (proposal.state !== 'pending' && proposal.state !== 'changes_requested') {
      throw new Conflict(`This proposal was already ${proposal.state}; start a new one from the entry.`);
    }
    const revised = validate(entrySchema, { ...(input as object), id: proposal.entryId });
    checkTranslationLink(db, revised);
    const kept = proposal.isNew
      ? { status: 'in_review' as const, owner: null, reviewBy: null }
      : { status: proposal.entry.status, owner: proposal.entry.owner, reviewBy: proposal.entry.reviewBy };
    const summary = validate(reasonSchema, why) || proposal.summary;
    // A lead who edits a proposal has merged it with the live entry, so it now builds on the latest revision.
    const base = can(user, 'review') && !proposal.isNew ? (findEntry(db, proposal.entryId)?.revision ?? null) : proposal.baseRevision;
    reviseProposal(db, proposalId, { ...revised, ...kept }, summary, base);
    recordReviewEvent(db, proposalId, user.name, 'resubmit', validate(reasonSchema, why));
    return { outcome: 'proposed', entryId: proposal.entryId, proposalId };
  });
}
