import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';

/**
 * The query log (table search_log, see migration 0002): what agents searched, with which filters,
 * how many entries matched, how long it took, and which entry they opened from the results.
 */
export type SearchSource = 'page' | 'as-you-type' | 'api';

export interface LoggedSearch {
  query: string;
  filters: Record<string, string | undefined>;
  resultCount: number;
  tookMs: number;
  source: SearchSource;
  /** Who searched: only signed-in readers are logged (an anonymous reader leaves no trace). */
  user: string;
}

/** A typing session goes on in the row it started while no entry was opened, for this long. */
const TYPING_SESSION_MS = 5 * 60_000;

interface LogRow {
  query: string;
  filters: string;
  resultCount: number;
  tookMs: number;
  at: string;
  user: string;
  source: SearchSource;
}

const statements = preparedFor((db) => ({
  insert: db.prepare<LogRow>(`INSERT INTO search_log (query, filters, result_count, took_ms, searched_at, user, source)
    VALUES (@query, @filters, @resultCount, @tookMs, @at, @user, @source)`),
  continueTyping: db.prepare<LogRow & { id: number; since: string }>(`UPDATE search_log
    SET query = @query, filters = @filters, result_count = @resultCount, took_ms = @tookMs, searched_at = @at
    WHERE id = @id AND user = @user AND source = 'as-you-type' AND opened_entry_id IS NULL AND searched_at >= @since`),
  opened: db.prepare<[entryId: string, at: string, logId: number, user: string]>(`UPDATE search_log SET opened_entry_id = ?, opened_at = ? WHERE id = ? AND user = ? AND opened_entry_id IS NULL`),
}));

/**
 * Records a search and returns its log id. An as-you-type search that continues a typing session
 * (`continues`: the id the previous keystroke got, by the same person) updates that row instead of adding one.
 */
export function logSearch(db: Db, search: LoggedSearch, continues?: number): number {
  const now = new Date();
  const row: LogRow = {
    query: search.query,
    filters: JSON.stringify(search.filters),
    resultCount: search.resultCount,
    tookMs: search.tookMs,
    at: now.toISOString(),
    user: search.user,
    source: search.source,
  };
  if (continues !== undefined) {
    const since = new Date(now.getTime() - TYPING_SESSION_MS).toISOString();
    if (statements(db).continueTyping.run({ ...row, id: continues, since }).changes) return continues;
  }
  return Number(statements(db).insert.run(row).lastInsertRowid);
}

/** Records which entry was opened from the results of a person's own logged search (the first one counts). */
export function logOpened(db: Db, logId: number, entryId: string, user: string): void {
  statements(db).opened.run(entryId, new Date().toISOString(), logId, user);
}
