import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { preparedFor } from '../db/prepared.ts';

/**
 * Slows password guessing. Every attempt is written down BEFORE its password is checked, in the
 * same write transaction as the check that allows it, so parallel guesses see each other exactly
 * as sequential ones do. A few failures are free; after that each further try for the same name
 * (or from the same address) waits twice as long as the last, up to a cap, counted from the last
 * try. Failures older than the window are forgotten, so nobody is locked out for good.
 */

interface Limit {
  /** Failures within the window that cost nothing. */
  free: number;
  /** The first wait after those, doubled for each further failure. */
  firstWaitMs: number;
  maxWaitMs: number;
}

export const WINDOW_MS = 15 * 60_000;
/** Per name: guessing one person's password. */
export const NAME_LIMIT: Limit = { free: 5, firstWaitMs: 15_000, maxWaitMs: WINDOW_MS };
/** Per address: a whole office may share one, so it is looser and its wait shorter. */
export const ADDRESS_LIMIT: Limit = { free: 20, firstWaitMs: 5_000, maxWaitMs: 5 * 60_000 };

const statements = preparedFor((db) => ({
  // An attempt that has not succeeded counts as a failure, even while its password is being checked.
  byName: db.prepare<[name: string, since: string], Failures>('SELECT count(*) AS failures, max(at) AS last FROM login_attempts WHERE name = ? AND at > ? AND succeeded = 0'),
  byIp: db.prepare<[ip: string, since: string], Failures>('SELECT count(*) AS failures, max(at) AS last FROM login_attempts WHERE ip = ? AND at > ? AND succeeded = 0'),
  record: db.prepare<[name: string, ip: string, at: string]>('INSERT INTO login_attempts (name, ip, at) VALUES (?, ?, ?)'),
  succeeded: db.prepare<[id: number]>('UPDATE login_attempts SET succeeded = 1 WHERE id = ?'),
  forgetName: db.prepare<[name: string, beforeId: number]>('DELETE FROM login_attempts WHERE name = ? AND succeeded = 0 AND id < ?'),
  purge: db.prepare<[until: string]>('DELETE FROM login_attempts WHERE at <= ?'),
}));

interface Failures {
  failures: number;
  last: string | null;
}
// count(*) and max() always give a row; this only satisfies the type.
const NO_FAILURES: Failures = { failures: 0, last: null };

export type Attempt = { allowed: true; id: number } | { allowed: false; retryAfterSeconds: number; by: 'name' | 'address' };

/** How long to wait after `failures` recent failures, the last at `last` (0: go ahead). */
export function waitMs(limit: Limit, failures: number, last: string | null, now: number): number {
  if (failures < limit.free || !last) return 0;
  const wait = Math.min(limit.maxWaitMs, limit.firstWaitMs * 2 ** (failures - limit.free));
  return Math.max(0, Date.parse(last) + wait - now);
}

/** Counts an attempt and says whether its password may be checked; atomic across processes. */
export function beginAttempt(db: Db, name: string, ip: string): Attempt {
  return db.transaction((): Attempt => {
    const now = Date.now();
    const since = new Date(now - WINDOW_MS).toISOString();
    const s = statements(db);
    s.purge.run(new Date(now - 2 * WINDOW_MS).toISOString());
    const byName = s.byName.get(name, since) ?? NO_FAILURES;
    const byIp = s.byIp.get(ip, since) ?? NO_FAILURES;
    const nameWait = waitMs(NAME_LIMIT, byName.failures, byName.last, now);
    const ipWait = waitMs(ADDRESS_LIMIT, byIp.failures, byIp.last, now);
    if (nameWait || ipWait) {
      return { allowed: false, retryAfterSeconds: Math.ceil(Math.max(nameWait, ipWait) / 1000), by: nameWait >= ipWait ? 'name' : 'address' };
    }
    return { allowed: true, id: Number(s.record.run(name, ip, new Date(now).toISOString()).lastInsertRowid) };
  }).immediate();
}

/** The right password: this attempt no longer counts, nor do the name's earlier failures. */
export function attemptSucceeded(db: Db, attemptId: number, name: string): void {
  writeTransaction(db, () => {
    statements(db).succeeded.run(attemptId);
    statements(db).forgetName.run(name, attemptId);
  });
}
