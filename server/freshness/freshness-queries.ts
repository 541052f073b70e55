import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';

export interface Verification {
  verifiedBy: string;
  verifiedAt: string;
  reviewBy: string;
  revision: number;
}

/** A vetted entry whose review date has passed or comes soon. */
export interface StaleEntry {
  id: string;
  title: string;
  category: string;
  owner: string | null;
  reviewBy: string;
  lastVerifiedBy: string | null;
  lastVerifiedAt: string | null;
}

const LATEST = 'SELECT %s FROM verifications v WHERE v.entry_id = e.id ORDER BY v.verified_at DESC, v.id DESC LIMIT 1';

const statements = preparedFor((db) => ({
  record: db.prepare<Verification & { entryId: string }>(`INSERT INTO verifications (entry_id, verified_by, verified_at, review_by, revision)
    VALUES (@entryId, @verifiedBy, @verifiedAt, @reviewBy, @revision)`),
  latest: db.prepare<[entryId: string], Verification>(`SELECT verified_by AS verifiedBy, verified_at AS verifiedAt, review_by AS reviewBy, revision
    FROM verifications WHERE entry_id = ? ORDER BY verified_at DESC, id DESC LIMIT 1`),
  stale: db.prepare<{ until: string; owner: string }, StaleEntry>(`
    SELECT e.id, e.title, c.name AS category, e.owner, e.review_by AS reviewBy,
      (${LATEST.replace('%s', 'v.verified_by')}) AS lastVerifiedBy,
      (${LATEST.replace('%s', 'v.verified_at')}) AS lastVerifiedAt
    FROM entries e JOIN categories c ON c.id = e.category_id
    WHERE e.status = 'vetted' AND e.review_by IS NOT NULL AND e.review_by <= @until
    ORDER BY coalesce(e.owner = @owner COLLATE NOCASE, 0) DESC, e.review_by, e.title`),
  countOwned: db.prepare<[until: string, owner: string], number>(`SELECT count(*) FROM entries
    WHERE status = 'vetted' AND review_by IS NOT NULL AND review_by <= ? AND owner = ? COLLATE NOCASE`).pluck(),
}));

export function recordVerification(db: Db, entryId: string, verification: Verification): void {
  statements(db).record.run({ entryId, ...verification });
}

export function latestVerification(db: Db, entryId: string): Verification | undefined {
  return statements(db).latest.get(entryId);
}

/** Entries due for review by `until`, those `owner` owns first, then the most overdue. */
export function staleEntries(db: Db, until: string, owner: string): StaleEntry[] {
  return statements(db).stale.all({ until, owner });
}

export function countStaleOwnedBy(db: Db, until: string, owner: string): number {
  return statements(db).countOwned.get(until, owner) ?? 0;
}
