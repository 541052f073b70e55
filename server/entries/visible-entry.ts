import { canSeeEntry } from '../accounts/permissions.ts';
import type { User } from '../accounts/user.ts';
import type { Db } from '../db/connection.ts';
import { notFound } from '../http/http-error.ts';
import { findEntry, type StoredEntry } from './entry-queries.ts';

/** The entry, if this person may see it; otherwise a 404, as if it did not exist. */
export function visibleEntry(db: Db, user: User | null | undefined, id: string): StoredEntry {
  const stored = findEntry(db, id);
  if (!stored || !canSeeEntry(user, stored.entry.status, stored.createdBy)) throw notFound('entry');
  return stored;
}
