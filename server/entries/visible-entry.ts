import type { Router } from 'express';
import { can } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { notFound } from '../errors/domain-errors.ts';
import type { EntryStatus } from './entry.ts';
import { findEntry, type StoredEntry } from './entry-queries.ts';

/** The entry, if this person may see it; otherwise a 404, as if it did not exist. */
export function visibleEntry(db: Db, user: User | null | undefined, id: string): StoredEntry {
  const stored = findEntry(db, id);
  if (!stored || !canSeeEntry(user, stored.entry.status, stored.createdBy)) throw notFound('entry');
  return stored;
}

/** Statuses a reader sees in lists and search: leads see work in progress; others only vetted entries. */
export function visibleStatuses(user: User | null | undefined): EntryStatus[] {
  return can(user, 'review') ? ['vetted', 'in_review', 'draft'] : ['vetted'];
}

/** Whether a reader may open this entry's page. */
export function canSeeEntry(user: User | null | undefined, status: EntryStatus, createdBy: string | null): boolean {
  if (status === 'vetted') return true;
  if (can(user, 'review')) return true;
  return !!user && status !== 'archived' && createdBy === user.name;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The entry named by an `:id` route parameter, loaded and checked by entryParam. */
      entry?: StoredEntry;
    }
  }
}

/** Every route of this router that names `:id` gets the entry loaded and checked once, as res.locals.entry. */
export function entryParam(router: Router, db: Db): void {
  router.param('id', (_req, res, next, id) => {
    res.locals.entry = visibleEntry(db, res.locals.user, String(id));
    next();
  });
}
