import { z } from 'zod';
import { can, requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { visibleEntry } from '../entries/visible-entry.ts';
import { Conflict, notFound } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { FLAG_REASONS, type Flag } from './flag.ts';
import { closeFlag, findFlag, insertFlag, openFlagsFor } from './flag-queries.ts';

/** Flagging an entry, and a lead resolving or dismissing the flag. The pages and the API both call these. */

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).trim().max(max, `${field} must be at most ${max} characters`);

const flagSchema = z.object({
  reason: z.enum(FLAG_REASONS, { error: 'reason must be wrong, outdated, missing_alternative or unclear' }),
  comment: text('comment', 1000).default(''),
});
const resolveSchema = z.object({ note: text('note', 1000).default('') });
const dismissSchema = z.object({ reason: text('reason', 1000).min(1, 'say why the flag is dismissed') });

export function flagEntry(db: Db, actor: User | null, entryId: string, input: unknown): Flag {
  const user = requirePermission(actor, 'flag');
  const { reason, comment } = validate(flagSchema, input ?? {});
  return writeTransaction(db, () => {
    visibleEntry(db, user, entryId);
    return findFlag(db, insertFlag(db, { entryId, reason, comment, flaggedBy: user.name }))!;
  });
}

export function resolveFlag(db: Db, actor: User | null, flagId: number, input: unknown): Flag {
  const lead = requirePermission(actor, 'resolveFlags');
  const { note } = validate(resolveSchema, input ?? {});
  return close(db, flagId, { state: 'resolved', closedBy: lead.name, note, revision: null });
}

export function dismissFlag(db: Db, actor: User | null, flagId: number, input: unknown): Flag {
  const lead = requirePermission(actor, 'resolveFlags');
  const { reason } = validate(dismissSchema, input ?? {});
  return close(db, flagId, { state: 'dismissed', closedBy: lead.name, note: reason, revision: null });
}

/** What an edit became: flags are resolved only by a saved revision. */
type SavedOrProposed = { outcome: 'saved'; entryId: string; revision: number } | { outcome: 'proposed' };

/**
 * A lead's edit that fixes what was flagged: the flags they chose (open flags of this entry; other
 * ids are ignored) are resolved with the revision that fixed them. submitEdit calls this inside the
 * edit's own transaction. An agent's edit is only a proposal, so it resolves nothing yet.
 */
export function resolveFlagsByEdit(db: Db, actor: User | null, submission: SavedOrProposed, chosen: unknown): number {
  if (submission.outcome !== 'saved' || !can(actor, 'resolveFlags')) return 0;
  const wanted = new Set(flagIds(chosen));
  const fixed = openFlagsFor(db, submission.entryId).filter((f) => wanted.has(f.id));
  for (const flag of fixed) {
    const note = `Fixed in revision ${submission.revision}`;
    closeFlag(db, flag.id, { state: 'resolved', closedBy: actor!.name, note, revision: submission.revision });
  }
  return fixed.length;
}

/** Flag ids as a form (repeated field, or "3,5" in a link) or JSON ([3, 5]) sends them. */
export function flagIds(value: unknown): number[] {
  const parts = [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  return parts.map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

function close(db: Db, flagId: number, change: Parameters<typeof closeFlag>[2]): Flag {
  return writeTransaction(db, () => {
    const flag = Number.isInteger(flagId) ? findFlag(db, flagId) : undefined;
    if (!flag) throw notFound('flag');
    if (!closeFlag(db, flag.id, change)) throw new Conflict(`This flag was already ${flag.state}.`);
    return findFlag(db, flag.id)!;
  });
}
