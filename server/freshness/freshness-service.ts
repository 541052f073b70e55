import { z } from 'zod';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { saveEntry } from '../entries/save-entry.ts';
import { visibleEntry } from '../entries/visible-entry.ts';
import { Conflict } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { recordVerification, staleEntries, type StaleEntry } from './freshness-queries.ts';
import { confirmTranslation } from '../translations/translation-queries.ts';
import { addDays, daysBetween, today } from '../dates/days.ts';

/** A lead verifies an entry (it is still right) and sets its next review date; the stale list. */

/** How long a newly approved or verified entry stays fresh before its owner should look at it again. */
export const FRESH_FOR_DAYS = 180;

/** Entries due within this many days are listed as stale, so owners can act before they are overdue. */
export const DUE_SOON_DAYS = 14;

const verifySchema = z.object({
  reviewBy: z
    .string({ error: 'reviewBy must be a date written YYYY-MM-DD' })
    .trim()
    .refine((d) => d === '' || (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))), 'reviewBy must be a date written YYYY-MM-DD')
    .refine((d) => d === '' || d > today(), 'reviewBy must be a date after today')
    .optional(),
});

export interface VerifyOutcome {
  id: string;
  reviewBy: string;
  owner: string;
  revision: number;
  verifiedBy: string;
  verifiedAt: string;
}

/**
 * Resets the review date (the one picked, or FRESH_FOR_DAYS from today) through saveEntry, so the
 * history has a "Verified by NAME" revision, and records who verified it and when. An entry
 * without an owner becomes the verifying lead's.
 */
export function verifyEntry(db: Db, actor: User | null, entryId: string, input: unknown): VerifyOutcome {
  const lead = requirePermission(actor, 'verify');
  const { reviewBy: picked } = validate(verifySchema, input ?? {});
  return writeTransaction(db, (): VerifyOutcome => {
    const stored = visibleEntry(db, lead, entryId);
    if (stored.entry.status !== 'vetted') {
      throw new Conflict(`Only vetted entries are verified; this one is ${stored.entry.status.replace('_', ' ')}.`);
    }
    const reviewBy = picked || addDays(today(), FRESH_FOR_DAYS);
    const owner = stored.entry.owner ?? lead.name;
    const { revision } = saveEntry(db, { ...stored.entry, reviewBy, owner }, { author: lead.name, summary: `Verified by ${lead.name}` });
    confirmTranslation(db, entryId);
    const verifiedAt = new Date().toISOString();
    recordVerification(db, entryId, { verifiedBy: lead.name, verifiedAt, reviewBy, revision });
    return { id: entryId, reviewBy, owner, revision, verifiedBy: lead.name, verifiedAt };
  });
}

export interface StaleItem extends StaleEntry {
  mine: boolean;
  overdue: boolean;
  /** Days until the review date; negative when overdue. */
  daysLeft: number;
  url: string;
}

/** Entries whose review date has passed or comes within DUE_SOON_DAYS, the reader's own first. */
export function staleList(db: Db, actor: User | null): StaleItem[] {
  const lead = requirePermission(actor, 'verify');
  const day = today();
  return staleEntries(db, addDays(day, DUE_SOON_DAYS), lead.name).map((e) => ({
    ...e,
    mine: e.owner?.toLowerCase() === lead.name.toLowerCase(),
    overdue: e.reviewBy < day,
    daysLeft: daysBetween(day, e.reviewBy),
    url: `/entries/${e.id}`,
  }));
}
