import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { ftsPhrase } from './fts-query.ts';

/**
 * Quoted phrases in a query (`"out for delivery"`): a result must say each one, word for word.
 * The full-text index (FTS5) knows where words stand; the in-memory index only knows which
 * words an entry says, so it ranks and FTS5 decides which entries say the phrase.
 */
export function quotedPhrases(query: string): string[] {
  return [...query.matchAll(/"([^"]*)"/g)].flatMap((m) => ftsPhrase(m[1]!) ?? []);
}

const statements = preparedFor((db) => ({
  holding: db.prepare<[match: string], string>(`SELECT e.id FROM entries_fts JOIN entries e ON e.entry_no = entries_fts.rowid WHERE entries_fts MATCH ?`).pluck(),
}));

/** The ids of the entries that say every phrase (FTS5 phrases, as quotedPhrases gives them). */
export function entriesSaying(db: Db, phrases: string[]): Set<string> {
  return new Set(statements(db).holding.all(phrases.join(' AND ')));
}
