import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';

/** How searching went, day by day, from the search log. */

export interface SearchDay {
  day: string;
  searches: number;
  empty: number;
}

const statements = preparedFor((db) => ({
  perDay: db.prepare<[since: string], SearchDay>(`
    SELECT substr(searched_at, 1, 10) AS day, count(*) AS searches, sum(result_count = 0) AS empty
    FROM search_log WHERE searched_at >= ? GROUP BY day ORDER BY day`),
}));

/** The last `days` days, oldest first, with days without searches as zeros. */
export function searchesPerDay(db: Db, days: number, now = new Date()): SearchDay[] {
  const first = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const rows = new Map(statements(db).perDay.all(first).map((r) => [r.day, r]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.parse(first) + i * 86_400_000).toISOString().slice(0, 10);
    return rows.get(day) ?? { day, searches: 0, empty: 0 };
  });
}
