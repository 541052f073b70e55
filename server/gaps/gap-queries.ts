import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { daysAfter } from '../dates/days.ts';

/**
 * Content gaps from the search log: what agents searched for and did not find (no results), or
 * found but did not open. Grouped by the query as typed, lower-cased and with spaces folded.
 */

export interface Gap {
  query: string;
  key: string;
  searches: number;
  /** Searches of it that had no result at all. */
  empty: number;
  lastSearchedAt: string;
}

export const GAP_WINDOW_DAYS = 30;

const statements = preparedFor((db) => {
  // The same normal form in SQL as in gapKey(), so grouping and resolving agree.
  db.function('gap_key', { deterministic: true }, (query: unknown) => gapKey(String(query)));
  return {
  gaps: db.prepare<{ since: string; limit: number }, Gap>(`
    WITH misses AS (
      SELECT gap_key(query) AS key, query, result_count, searched_at
      FROM search_log
      WHERE searched_at >= @since AND length(trim(query)) >= 3
        AND (result_count = 0 OR opened_entry_id IS NULL)
    )
    SELECT key, max(query) AS query, count(*) AS searches, sum(result_count = 0) AS empty, max(searched_at) AS lastSearchedAt
    FROM misses
    WHERE key NOT IN (SELECT query_key FROM gap_resolutions)
    GROUP BY key
    ORDER BY empty DESC, searches DESC, lastSearchedAt DESC
    LIMIT @limit`),
  resolve: db.prepare<[queryKey: string, action: 'phrasing' | 'entry' | 'dismissed', entryId: string | null, by: string, at: string]>(`
    INSERT INTO gap_resolutions (query_key, action, entry_id, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (query_key) DO UPDATE SET action = excluded.action, entry_id = excluded.entry_id,
      resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`),
  };
});

export function gapKey(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function listGaps(db: Db, limit = 50, now = new Date()): Gap[] {
  const since = daysAfter(now, -GAP_WINDOW_DAYS).toISOString();
  return statements(db).gaps.all({ since, limit });
}

export function resolveGap(db: Db, query: string, action: 'phrasing' | 'entry' | 'dismissed', entryId: string | null, by: string): void {
  statements(db).resolve.run(gapKey(query), action, entryId, by, new Date().toISOString());
}
