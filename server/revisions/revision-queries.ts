import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { entrySchema, type Entry } from '../entries/entry.ts';
import type { RevisionInfo } from '../entries/entry-queries.ts';

/** An entry's recorded revisions; saveEntry writes them, these only read. */

export interface Revision extends RevisionInfo {
  /** The whole entry as it was saved in this revision. */
  entry: Entry;
}

const INFO_COLUMNS = 'number, author, summary, created_at AS createdAt';

const statements = preparedFor((db) => ({
  list: db.prepare<[entryId: string], RevisionInfo>(`SELECT ${INFO_COLUMNS} FROM revisions WHERE entry_id = ? ORDER BY number DESC`),
  one: db.prepare<[entryId: string, number: number], RevisionInfo & { snapshot: string }>(`SELECT ${INFO_COLUMNS}, snapshot FROM revisions WHERE entry_id = ? AND number = ?`),
}));

/** Every revision of an entry, newest first. */
export function listRevisions(db: Db, entryId: string): RevisionInfo[] {
  return statements(db).list.all(entryId);
}

export function findRevision(db: Db, entryId: string, number: number): Revision | undefined {
  const row = statements(db).one.get(entryId, number);
  if (!row) return undefined;
  const { snapshot, ...info } = row;
  // Parsed with the entry schema so a snapshot from an older version of Plan B gets today's defaults.
  return { ...info, entry: entrySchema.parse(JSON.parse(snapshot)) };
}
