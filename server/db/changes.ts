import type { Db } from './connection.ts';
import { preparedFor } from './prepared.ts';

export type ChangeSubject = 'entry' | 'guide';

export interface Change {
  seq: number;
  subject: ChangeSubject;
  id: string;
}

const statements = preparedFor((db) => ({
  record: db.prepare<[subject: ChangeSubject, id: string, at: string]>('INSERT INTO changes (subject, id, at) VALUES (?, ?, ?)'),
  latest: db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM changes').pluck(),
  since: db.prepare<[seq: number], Change>('SELECT seq, subject, id FROM changes WHERE seq > ? ORDER BY seq'),
}));

/** Bumps the change sequence; call inside the transaction of the write it records. */
export function recordChange(db: Db, subject: ChangeSubject, id: string, at: string): void {
  statements(db).record.run(subject, id, at);
}

export function latestChangeSeq(db: Db): number {
  return statements(db).latest.get() ?? 0;
}

export function changesSince(db: Db, seq: number): Change[] {
  return statements(db).since.all(seq);
}
