import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/**
 * The audit log: who did what to whom, when and from where. Anything that changes who may do what
 * (sign-ins, passwords, roles, tokens) or replaces content wholesale (imports, restores, deletions)
 * calls `recordAudit`.
 */

export const AUDIT_ACTIONS = [
  'sign_in', 'sign_in_failed', 'sign_in_throttled', 'user_created', 'password_reset', 'role_changed',
  'token_created', 'token_revoked', 'import', 'restore', 'deletion',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  action: AuditAction;
  /** Who acted: a user name, "command line", or null for someone not signed in. */
  actor: string | null;
  /** Whom or what it was done to: a user name, an entry id, a file. */
  subject?: string | null;
  /** Where from: the client's address, or null for the command line. */
  ip?: string | null;
  detail?: string | null;
}

export interface AuditEntry extends Required<AuditRecord> {
  id: number;
  at: string;
}

export interface AuditFilter {
  action?: string;
  /** Matches the actor or the subject (case-insensitive). */
  person?: string;
  /** Entries older than this id (the next page). */
  before?: number;
  limit: number;
}

const statements = preparedFor((db) => ({
  insert: db.prepare<[at: string, action: AuditAction, actor: string | null, subject: string | null, ip: string | null, detail: string | null]>('INSERT INTO audit_log (at, action, actor, subject, ip, detail) VALUES (?, ?, ?, ?, ?, ?)'),
  // Through the subject's index: a flood for one name never scans the whole log.
  lastLike: db.prepare<{ action: AuditAction; subject: string; ip: string; since: string }, { id: number; detail: string | null }>(`
    SELECT id, detail FROM audit_log WHERE subject = :subject COLLATE NOCASE AND at > :since AND action = :action AND ip = :ip
    ORDER BY at DESC LIMIT 1`),
  setDetail: db.prepare<[detail: string, id: number]>('UPDATE audit_log SET detail = ? WHERE id = ?'),
  list: db.prepare<{ action: string | null; person: string | null; before: number | null; limit: number }, AuditEntry>(`
    SELECT id, at, action, actor, subject, ip, detail FROM audit_log
    WHERE (:action IS NULL OR action = :action)
      AND (:person IS NULL OR actor = :person COLLATE NOCASE OR subject = :person COLLATE NOCASE)
      AND (:before IS NULL OR id < :before)
    ORDER BY id DESC LIMIT :limit`),
}));

/** Repeats of one event (same action, subject and address) within this time share one row. */
export const REPEATS_WINDOW_MS = 60_000;

/**
 * Records an event that may come in floods (throttled sign-in tries: refused before any password
 * check, so as fast as a script can send them): a repeat within REPEATS_WINDOW_MS of the last one
 * from the same address for the same subject counts on that row ("· 37 tries") instead of adding
 * one, so a script hammering the form cannot fill the log.
 */
export function recordRepeatable(db: Db, record: AuditRecord & { subject: string; ip: string }): void {
  const since = new Date(Date.now() - REPEATS_WINDOW_MS).toISOString();
  const { lastLike, setDetail } = statements(db);
  writeTransaction(db, () => {
    const last = lastLike.get({ action: record.action, subject: record.subject, ip: record.ip, since });
    if (!last) return recordAudit(db, record);
    const tries = Number(/· (\d+) tries$/.exec(last.detail ?? '')?.[1] ?? 1) + 1;
    setDetail.run([record.detail, `${tries} tries`].filter(Boolean).join(' · '), last.id);
  });
}

export function recordAudit(db: Db, record: AuditRecord): void {
  statements(db).insert.run(
    new Date().toISOString(), record.action, record.actor, record.subject ?? null, record.ip ?? null, record.detail ?? null,
  );
}

/** Newest first; one more than `limit` is read to know whether an older page exists. */
export function listAudit(db: Db, filter: AuditFilter): { entries: AuditEntry[]; nextBefore: number | null } {
  const rows = statements(db).list.all({
    action: filter.action ?? null,
    person: filter.person ?? null,
    before: filter.before ?? null,
    limit: filter.limit + 1,
  });
  const entries = rows.slice(0, filter.limit);
  return { entries, nextBefore: rows.length > filter.limit ? entries.at(-1)!.id : null };
}
