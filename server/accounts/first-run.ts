import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { hashToken, newToken } from './secrets.ts';
import { countUsers } from './user-queries.ts';

/**
 * First run: while no account exists, the server prints a one-time link that creates the first
 * admin. The token is kept only as a hash and works once.
 */

const statements = preparedFor((db) => ({
  insert: db.prepare<[tokenHash: string, createdAt: string]>('INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)'),
  find: db.prepare<[tokenHash: string], 1>('SELECT 1 FROM setup_tokens WHERE token_hash = ? AND used_at IS NULL').pluck(),
  use: db.prepare<[at: string, tokenHash: string]>('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
}));

/** A new setup token when there is no account yet; null once someone has set up. */
export function issueSetupToken(db: Db): string | null {
  if (countUsers(db) > 0) return null;
  const token = newToken();
  statements(db).insert.run(hashToken(token), new Date().toISOString());
  return token;
}

export function setupTokenIsValid(db: Db, token: string): boolean {
  return countUsers(db) === 0 && Boolean(statements(db).find.get(hashToken(token)));
}

/** Marks the token used; false when it was already used (or never issued). */
export function useSetupToken(db: Db, token: string): boolean {
  return statements(db).use.run(new Date().toISOString(), hashToken(token)).changes === 1;
}
