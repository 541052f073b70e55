import { can } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import type { EntryStatus } from '../entries/entry.ts';
import { latestVerification } from './freshness-queries.ts';
import { FRESH_FOR_DAYS, type StaleItem } from './freshness-service.ts';
import { addDays, today } from '../dates/days.ts';

/** What the entry page and the stale page show about freshness, prepared for the templates. */

/** What a lead typed into the verify form, shown again when it was refused. */
export interface VerifyForm {
  error?: string;
  reviewBy?: string;
}

export function freshnessPanel(db: Db, user: User | null, entry: { id: string; status: EntryStatus }, form: VerifyForm = {}) {
  const latest = latestVerification(db, entry.id);
  return {
    verified: latest ? { by: latest.verifiedBy, on: latest.verifiedAt } : null,
    // Only what is live is verified; drafts and proposals are vetted through review.
    canVerify: can(user, 'verify') && entry.status === 'vetted',
    action: `/entries/${entry.id}/verify`,
    reviewBy: form.reviewBy ?? addDays(today(), FRESH_FOR_DAYS),
    earliest: addDays(today(), 1),
    error: form.error,
    expanded: !!form.error,
  };
}

export function staleView(items: StaleItem[]) {
  const rows = items.map((item) => ({ ...item, overdueDays: -item.daysLeft }));
  return {
    mine: rows.filter((r) => r.mine),
    others: rows.filter((r) => !r.mine),
    total: rows.length,
    overdueCount: rows.filter((r) => r.overdue).length,
  };
}
