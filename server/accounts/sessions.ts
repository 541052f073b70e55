import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { daysAfter } from '../dates/days.ts';
import { hashToken, newToken } from './secrets.ts';
import type { User } from '../people/user.ts';

/** Signed-in sessions: a random token in an httpOnly cookie, its hash in the database. */

export const SESSION_DAYS = 14;

const statements = preparedFor((db) => ({
  insert: db.prepare<[tokenHash: string, userId: number, createdAt: string, expiresAt: string]>('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
  find: db.prepare<[tokenHash: string, now: string], User & { flash: string | null }>(`
    SELECT u.id, u.name, u.role, u.language, s.flash FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ? AND s.expires_at > ?`),
  extend: db.prepare<[expiresAt: string, tokenHash: string]>('UPDATE sessions SET expires_at = ? WHERE token_hash = ?'),
  remove: db.prepare<[tokenHash: string]>('DELETE FROM sessions WHERE token_hash = ?'),
  setFlash: db.prepare<[flash: string | null, tokenHash: string]>('UPDATE sessions SET flash = ? WHERE token_hash = ?'),
  purge: db.prepare<[now: string]>('DELETE FROM sessions WHERE expires_at <= ?'),
}));

const expiry = () => daysAfter(Date.now(), SESSION_DAYS).toISOString();

export function startSession(db: Db, userId: number): string {
  const token = newToken();
  const now = new Date().toISOString();
  statements(db).purge.run(now);
  statements(db).insert.run(hashToken(token), userId, now, expiry());
  return token;
}

/** The session's user and its one-time message, sliding the expiry forward. */
export function resumeSession(db: Db, token: string): { user: User; flash: string | null } | undefined {
  const hash = hashToken(token);
  const row = statements(db).find.get(hash, new Date().toISOString());
  if (!row) return undefined;
  statements(db).extend.run(expiry(), hash);
  if (row.flash) statements(db).setFlash.run(null, hash);
  return { user: { id: row.id, name: row.name, role: row.role, language: row.language }, flash: row.flash };
}

export function endSession(db: Db, token: string): void {
  statements(db).remove.run(hashToken(token));
}

/** A message shown once on the next page, e.g. "Sent for review". */
export function setFlash(db: Db, token: string, message: string): void {
  statements(db).setFlash.run(message, hashToken(token));
}
