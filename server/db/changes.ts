import type { Db } from './connection.ts';
import { preparedFor } from './prepared.ts';

export type ChangeSubject = 'entry' | 'guide';

const statements = preparedFor((db) => ({
  record: db.prepare<[subject: ChangeSubject, id: string, at: string]>('INSERT INTO changes (subject, id, at) VALUES (?, ?, ?)'),
  latest: db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM changes').pluck(),
  entriesBetween: db.prepare<[from: number, to: number], string>(`SELECT id FROM changes WHERE seq > ? AND seq <= ? AND subject = 'entry' ORDER BY seq`).pluck(),
}));

/** The last range of changed entries read per connection (see changedEntries). */
const lastRead = new WeakMap<Db, { from: number; to: number; ids: ReadonlySet<string> }>();

/** Bumps the change sequence; call inside the transaction of the write it records. */
export function recordChange(db: Db, subject: ChangeSubject, id: string, at: string): void {
  statements(db).record.run(subject, id, at);
}

export function latestChangeSeq(db: Db): number {
  return statements(db).latest.get() ?? 0;
}

/**
 * The entries changed after change `from` up to `to`, each once, in the order first changed. The
 * lexical index and the sentence vectors each ask for the same range when a request notices a
 * write: the rows are read once for both (an import by another process changes thousands).
 */
export function changedEntries(db: Db, from: number, to: number): ReadonlySet<string> {
  const last = lastRead.get(db);
  if (last?.from === from && last.to === to) return last.ids;
  const ids = new Set(statements(db).entriesBetween.all(from, to));
  lastRead.set(db, { from, to, ids });
  return ids;
}
