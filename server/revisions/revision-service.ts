import { z } from 'zod';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { RevisionInfo, StoredEntry } from '../entries/entry-queries.ts';
import { saveEntry } from '../entries/save-entry.ts';
import { NotFound } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { diffEntries, type SectionDiff } from './entry-diff.ts';
import { findRevision, listRevisions, type Revision } from './revision-queries.ts';
import { visibleEntry } from '../entries/visible-entry.ts';

/**
 * An entry's history: list its revisions, compare any two, restore an old one as a new revision.
 * The pages and the API both call these, so they share the same rules.
 */

/** A revision number as it arrives in a URL; an empty value counts as not given. */
const revisionNumber = (field: string) => {
  const message = `${field} must be a revision number such as 1 or 2`;
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string({ error: message }).regex(/^[1-9]\d{0,8}$/, message).transform(Number),
  );
};

const compareSchema = z.object({ from: revisionNumber('from').optional(), to: revisionNumber('to').optional() });

export function entryHistory(db: Db, user: User | null, id: string): { stored: StoredEntry; revisions: RevisionInfo[] } {
  const stored = visibleEntry(db, user, id);
  return { stored, revisions: listRevisions(db, id) };
}

/** One revision of a visible entry; `number` as it came in the URL. */
export function revisionOf(db: Db, user: User | null, id: string, number: unknown): Revision {
  const stored = visibleEntry(db, user, id);
  const { revision } = validate(z.object({ revision: revisionNumber('revision') }), { revision: number });
  return existingRevision(db, stored, revision, 'revision');
}

export interface Comparison {
  stored: StoredEntry;
  /** null when `to` is the first revision and nothing came before it. */
  from: Revision | null;
  to: Revision;
  sections: SectionDiff[];
}

/** Compares revision `from` with revision `to`; by default the one before the latest with the latest. */
export function compareRevisions(db: Db, user: User | null, id: string, query: unknown): Comparison {
  const stored = visibleEntry(db, user, id);
  const asked = validate(compareSchema, query ?? {});
  const to = existingRevision(db, stored, asked.to ?? stored.revision, 'to');
  const fromNumber = asked.from ?? to.number - 1;
  const from = fromNumber >= 1 ? existingRevision(db, stored, fromNumber, 'from') : null;
  return { stored, from, to, sections: diffEntries(from?.entry ?? null, to.entry) };
}

export interface RestoreOutcome {
  entryId: string;
  restored: number;
  /** The entry's revision after the restore: a new one, or the current one when nothing changed. */
  revision: number;
  changed: boolean;
}

/** Saves revision `number`'s snapshot as a new revision; nothing is overwritten in place. */
export function restoreRevision(db: Db, actor: User | null, id: string, number: unknown): RestoreOutcome {
  const lead = requirePermission(actor, 'restore');
  return writeTransaction(db, () => {
    const old = revisionOf(db, lead, id, number);
    const saved = saveEntry(db, old.entry, { author: lead.name, summary: `Restored revision ${old.number}` });
    return { entryId: id, restored: old.number, revision: saved.revision, changed: saved.changed };
  });
}

function existingRevision(db: Db, stored: StoredEntry, number: number, field: string): Revision {
  const revision = findRevision(db, stored.entry.id, number);
  if (!revision) {
    throw new NotFound(`${field} asks for revision ${number}, but this entry has revisions 1 to ${stored.revision}`, field);
  }
  return revision;
}

/** What to tell the person who restored, on the page and in the API. */
export function restoreMessage(outcome: RestoreOutcome): string {
  return outcome.changed
    ? `Restored revision ${outcome.restored}: it is now the live version, as revision ${outcome.revision}.`
    : `Revision ${outcome.restored} says exactly what the entry says now, so nothing was recorded.`;
}
