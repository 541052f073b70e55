import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { addDays, dayOf } from '../dates/days.ts';

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
  const first = addDays(dayOf(now), 1 - days);
  const rows = new Map(statements(db).perDay.all(first).map((r) => [r.day, r]));
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(first, i);
    return rows.get(day) ?? { day, searches: 0, empty: 0 };
  });
}
