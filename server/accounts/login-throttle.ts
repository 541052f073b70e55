import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';

/** Slows password guessing: too many failures for one name, or from one address, wait a while. */

const WINDOW_MINUTES = 15;
const MAX_PER_NAME = 5;
const MAX_PER_IP = 20;

const statements = preparedFor((db) => ({
  record: db.prepare('INSERT INTO login_failures (name, ip, at) VALUES (?, ?, ?)'),
  byName: db.prepare('SELECT count(*) AS n, min(at) AS first FROM login_failures WHERE name = ? AND at > ?'),
  byIp: db.prepare('SELECT count(*) AS n, min(at) AS first FROM login_failures WHERE ip = ? AND at > ?'),
  clear: db.prepare('DELETE FROM login_failures WHERE name = ?'),
  purge: db.prepare('DELETE FROM login_failures WHERE at <= ?'),
}));

const windowStart = () => new Date(Date.now() - WINDOW_MINUTES * 60_000).toISOString();

/** Minutes to wait before trying again, or 0 when a try is allowed. */
export function minutesToWait(db: Db, name: string, ip: string): number {
  const since = windowStart();
  const s = statements(db);
  const checks = [
    { ...(s.byName.get(name, since) as { n: number; first: string }), max: MAX_PER_NAME },
    { ...(s.byIp.get(ip, since) as { n: number; first: string }), max: MAX_PER_IP },
  ];
  const blocked = checks.filter((c) => c.n >= c.max);
  if (!blocked.length) return 0;
  const freeAt = Math.max(...blocked.map((c) => Date.parse(c.first) + WINDOW_MINUTES * 60_000));
  return Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
}

export function recordFailure(db: Db, name: string, ip: string): void {
  statements(db).purge.run(windowStart());
  statements(db).record.run(name, ip, new Date().toISOString());
}

export function clearFailures(db: Db, name: string): void {
  statements(db).clear.run(name);
}
