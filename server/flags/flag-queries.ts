import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { Flag, FlagReason, FlagState } from './flag.ts';

const COLUMNS = `f.id, f.entry_id AS entryId, e.title AS entryTitle, f.reason, f.comment, f.flagged_by AS flaggedBy,
  f.created_at AS createdAt, f.state, f.closed_by AS closedBy, f.closed_at AS closedAt, f.close_note AS note,
  f.fixed_in_revision AS fixedInRevision`;
const FROM = 'FROM flags f JOIN entries e ON e.id = f.entry_id';

const statements = preparedFor((db) => ({
  insert: db.prepare<{ entryId: string; reason: FlagReason; comment: string; flaggedBy: string; now: string }>(`INSERT INTO flags (entry_id, reason, comment, flagged_by, created_at)
    VALUES (@entryId, @reason, @comment, @flaggedBy, @now)`),
  find: db.prepare<[id: number], Flag>(`SELECT ${COLUMNS} ${FROM} WHERE f.id = ?`),
  openForEntry: db.prepare<[entryId: string], Flag>(`SELECT ${COLUMNS} ${FROM} WHERE f.entry_id = ? AND f.state = 'open' ORDER BY f.created_at, f.id`),
  open: db.prepare<[], Flag>(`SELECT ${COLUMNS} ${FROM} WHERE f.state = 'open' ORDER BY f.created_at, f.id`),
  recentlyClosed: db.prepare<[limit: number], Flag>(`SELECT ${COLUMNS} ${FROM} WHERE f.state <> 'open' ORDER BY f.closed_at DESC, f.id DESC LIMIT ?`),
  countOpen: db.prepare<[], number>("SELECT count(*) FROM flags WHERE state = 'open'").pluck(),
  // Only an open flag closes: two leads acting at once cannot close it twice.
  close: db.prepare<{
    id: number; state: Exclude<FlagState, 'open'>; closedBy: string; note: string; revision: number | null; now: string;
  }>(`UPDATE flags SET state = @state, closed_by = @closedBy, closed_at = @now, close_note = @note,
    fixed_in_revision = @revision WHERE id = @id AND state = 'open'`),
}));

export function insertFlag(db: Db, flag: { entryId: string; reason: FlagReason; comment: string; flaggedBy: string }): number {
  const info = statements(db).insert.run({ ...flag, now: new Date().toISOString() });
  return Number(info.lastInsertRowid);
}

export function findFlag(db: Db, id: number): Flag | undefined {
  return statements(db).find.get(id);
}

export function openFlagsFor(db: Db, entryId: string): Flag[] {
  return statements(db).openForEntry.all(entryId);
}

/** Every open flag, oldest first. */
export function openFlags(db: Db): Flag[] {
  return statements(db).open.all();
}

export function recentlyClosedFlags(db: Db, limit: number): Flag[] {
  return statements(db).recentlyClosed.all(limit);
}

export function countOpenFlags(db: Db): number {
  return statements(db).countOpen.get() ?? 0;
}

/** Closes an open flag; false when it was not open (any more). */
export function closeFlag(
  db: Db,
  id: number,
  close: { state: Exclude<FlagState, 'open'>; closedBy: string; note: string; revision: number | null },
): boolean {
  return statements(db).close.run({ id, ...close, now: new Date().toISOString() }).changes === 1;
}
