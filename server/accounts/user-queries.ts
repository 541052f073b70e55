import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { preparedFor } from '../db/prepared.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.ts';
import type { Role, User } from '../people/user.ts';

export interface UserListItem extends User {
  createdAt: string;
}

export interface ApiTokenItem {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const statements = preparedFor((db) => ({
  count: db.prepare<[], number>('SELECT count(*) FROM users').pluck(),
  byName: db.prepare<[name: string], User & { passwordHash: string }>('SELECT id, name, role, password_hash AS passwordHash FROM users WHERE name = ?'),
  all: db.prepare<[], UserListItem>('SELECT id, name, role, created_at AS createdAt FROM users ORDER BY name'),
  insert: db.prepare<[name: string, role: Role, passwordHash: string, createdAt: string]>('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)'),
  setRole: db.prepare<[role: Role, id: number]>('UPDATE users SET role = ? WHERE id = ?'),
  setPassword: db.prepare<[passwordHash: string, id: number]>('UPDATE users SET password_hash = ? WHERE id = ?'),
  endSessions: db.prepare<[userId: number]>('DELETE FROM sessions WHERE user_id = ?'),
  endTokens: db.prepare<[userId: number]>('DELETE FROM api_tokens WHERE user_id = ?'),
  addToken: db.prepare<[tokenHash: string, userId: number, name: string, createdAt: string]>('INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)'),
  tokens: db.prepare<[userId: number], ApiTokenItem>(`
    SELECT id, name, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_tokens
    WHERE user_id = ? ORDER BY id DESC`),
  revokeToken: db.prepare<[tokenId: number, userId: number], string>('DELETE FROM api_tokens WHERE id = ? AND user_id = ? RETURNING name').pluck(),
  byToken: db.prepare<[tokenHash: string], User>(`
    SELECT u.id, u.name, u.role, u.language FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`),
  touchToken: db.prepare<[at: string, tokenHash: string]>('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?'),
  admins: db.prepare<[], number>("SELECT count(*) FROM users WHERE role = 'admin'").pluck(),
}));

export function countUsers(db: Db): number {
  return statements(db).count.get() ?? 0;
}

export function countAdmins(db: Db): number {
  return statements(db).admins.get() ?? 0;
}

export function findUserByName(db: Db, name: string): User | undefined {
  const row = statements(db).byName.get(name);
  return row && { id: row.id, name: row.name, role: row.role };
}

export function listUsers(db: Db): UserListItem[] {
  return statements(db).all.all();
}

export async function createUser(db: Db, name: string, role: Role, password: string): Promise<User> {
  return insertUser(db, name, role, await hashPassword(password));
}

export function insertUser(db: Db, name: string, role: Role, passwordHash: string): User {
  const id = Number(statements(db).insert.run(name, role, passwordHash, new Date().toISOString()).lastInsertRowid);
  return { id, name, role };
}

/** Changes the role and ends every session and token of the person: what they hold was for the old role. */
export function setRole(db: Db, userId: number, role: Role): void {
  writeTransaction(db, () => {
    statements(db).setRole.run(role, userId);
    endAccess(db, userId);
  });
}

/** Sets a new password and ends every session and API token of the person. */
export async function setPassword(db: Db, userId: number, password: string): Promise<void> {
  const hash = await hashPassword(password);
  writeTransaction(db, () => {
    statements(db).setPassword.run(hash, userId);
    endAccess(db, userId);
  });
}

function endAccess(db: Db, userId: number): void {
  statements(db).endSessions.run(userId);
  statements(db).endTokens.run(userId);
}

/** The user when name and password match; undefined otherwise (without saying which was wrong). */
export async function checkPassword(db: Db, name: string, password: string): Promise<User | undefined> {
  const row = statements(db).byName.get(name);
  // Compare against a dummy hash for unknown names so both paths take the same time.
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  return row && ok ? { id: row.id, name: row.name, role: row.role } : undefined;
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A new named personal API token; only its hash is kept, so the token is shown once. */
export function createApiToken(db: Db, userId: number, name: string): { id: number; token: string } {
  const token = `pb_${newToken()}`;
  const id = Number(statements(db).addToken.run(hashToken(token), userId, name, new Date().toISOString()).lastInsertRowid);
  return { id, token };
}

export function listApiTokens(db: Db, userId: number): ApiTokenItem[] {
  return statements(db).tokens.all(userId);
}

/** Revokes one of the person's own tokens; the token's name, or undefined when they hold no such token. */
export function revokeApiToken(db: Db, userId: number, tokenId: number): string | undefined {
  return statements(db).revokeToken.get(tokenId, userId);
}

export function userForApiToken(db: Db, token: string): User | undefined {
  const hash = hashToken(token);
  const user = statements(db).byToken.get(hash);
  if (user) statements(db).touchToken.run(new Date().toISOString(), hash);
  return user;
}
