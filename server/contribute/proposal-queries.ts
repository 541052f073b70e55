import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { Entry } from '../entries/entry.ts';

export type ProposalState = 'pending' | 'changes_requested' | 'approved' | 'rejected';
export type ReviewDecision = 'approve' | 'request_changes' | 'reject' | 'resubmit';

export interface Proposal {
  id: number;
  entryId: string;
  isNew: boolean;
  baseRevision: number | null;
  author: string;
  summary: string;
  entry: Entry;
  state: ProposalState;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewEvent {
  actor: string;
  decision: ReviewDecision;
  comment: string;
  createdAt: string;
}

interface ProposalRow {
  id: number; entry_id: string; is_new: 0 | 1; base_revision: number | null; author: string; summary: string;
  snapshot: string; state: ProposalState; created_at: string; updated_at: string;
}

const statements = preparedFor((db) => ({
  insert: db.prepare<{
    entryId: string; isNew: 0 | 1; baseRevision: number | null; author: string; summary: string; snapshot: string; now: string;
  }>(`
    INSERT INTO proposals (entry_id, is_new, base_revision, author, summary, snapshot, state, created_at, updated_at)
    VALUES (@entryId, @isNew, @baseRevision, @author, @summary, @snapshot, 'pending', @now, @now)`),
  find: db.prepare<[id: number], ProposalRow>('SELECT * FROM proposals WHERE id = ?'),
  byState: db.prepare<[state: ProposalState], ProposalRow>('SELECT * FROM proposals WHERE state = ? ORDER BY created_at'),
  byAuthor: db.prepare<[author: string], ProposalRow>(`SELECT * FROM proposals WHERE author = ? ORDER BY
    CASE state WHEN 'changes_requested' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, updated_at DESC LIMIT 100`),
  openForEntry: db.prepare<[entryId: string], ProposalRow>("SELECT * FROM proposals WHERE entry_id = ? AND state IN ('pending', 'changes_requested') ORDER BY created_at"),
  pendingNewId: db.prepare<[entryId: string], 1>("SELECT 1 FROM proposals WHERE entry_id = ? AND is_new = 1 AND state IN ('pending', 'changes_requested')").pluck(),
  countPending: db.prepare<[], number>("SELECT count(*) FROM proposals WHERE state = 'pending'").pluck(),
  countChangesRequested: db.prepare<[author: string], number>("SELECT count(*) FROM proposals WHERE author = ? AND state = 'changes_requested'").pluck(),
  setState: db.prepare<[state: ProposalState, now: string, id: number]>('UPDATE proposals SET state = ?, updated_at = ? WHERE id = ?'),
  revise: db.prepare<{ id: number; snapshot: string; summary: string; baseRevision: number | null; now: string }>(`UPDATE proposals SET snapshot = @snapshot, summary = @summary, base_revision = @baseRevision,
    state = 'pending', updated_at = @now WHERE id = @id`),
  event: db.prepare<[proposalId: number, actor: string, decision: ReviewDecision, comment: string, now: string]>('INSERT INTO review_events (proposal_id, actor, decision, comment, created_at) VALUES (?, ?, ?, ?, ?)'),
  events: db.prepare<[proposalId: number], ReviewEvent>('SELECT actor, decision, comment, created_at AS createdAt FROM review_events WHERE proposal_id = ? ORDER BY id'),
}));

function fromRow(row: ProposalRow): Proposal {
  return {
    id: row.id,
    entryId: row.entry_id,
    isNew: row.is_new === 1,
    baseRevision: row.base_revision,
    author: row.author,
    summary: row.summary,
    entry: JSON.parse(row.snapshot) as Entry,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function insertProposal(
  db: Db,
  p: { entry: Entry; isNew: boolean; baseRevision: number | null; author: string; summary: string },
): number {
  const now = new Date().toISOString();
  const info = statements(db).insert.run({
    entryId: p.entry.id,
    isNew: p.isNew ? 1 : 0,
    baseRevision: p.baseRevision,
    author: p.author,
    summary: p.summary,
    snapshot: JSON.stringify(p.entry),
    now,
  });
  return Number(info.lastInsertRowid);
}

export function findProposal(db: Db, id: number): Proposal | undefined {
  const row = statements(db).find.get(id);
  return row && fromRow(row);
}

export function proposalsInState(db: Db, state: ProposalState): Proposal[] {
  return statements(db).byState.all(state).map(fromRow);
}

export function proposalsBy(db: Db, author: string): Proposal[] {
  return statements(db).byAuthor.all(author).map(fromRow);
}

export function openProposalsFor(db: Db, entryId: string): Proposal[] {
  return statements(db).openForEntry.all(entryId).map(fromRow);
}

export function idIsProposed(db: Db, entryId: string): boolean {
  return Boolean(statements(db).pendingNewId.get(entryId));
}

export function countPendingProposals(db: Db): number {
  return statements(db).countPending.get() ?? 0;
}

export function countChangesRequested(db: Db, author: string): number {
  return statements(db).countChangesRequested.get(author) ?? 0;
}

export function setProposalState(db: Db, id: number, state: ProposalState): void {
  statements(db).setState.run(state, new Date().toISOString(), id);
}

export function reviseProposal(db: Db, id: number, entry: Entry, summary: string, baseRevision: number | null): void {
  statements(db).revise.run({ id, snapshot: JSON.stringify(entry), summary, baseRevision, now: new Date().toISOString() });
}

export function recordReviewEvent(db: Db, proposalId: number, actor: string, decision: ReviewDecision, comment: string): void {
  statements(db).event.run(proposalId, actor, decision, comment, new Date().toISOString());
}

export function reviewEvents(db: Db, proposalId: number): ReviewEvent[] {
  return statements(db).events.all(proposalId);
}
