import { can } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { FLAG_REASONS, type Flag } from './flag.ts';
import { openFlags, openFlagsFor, recentlyClosedFlags } from './flag-queries.ts';

/** What the entry page and the flags queue show about flags, prepared for the templates. */

export function flagItem(flag: Flag) {
  return { ...flag, isDismissed: flag.state === 'dismissed' };
}

/** What an agent typed into the flag form, shown again when it was refused. */
export interface FlagForm {
  error?: string;
  comment?: string;
}

export function flagPanel(db: Db, user: User | null, entryId: string, form: FlagForm = {}) {
  const open = openFlagsFor(db, entryId).map(flagItem);
  return {
    open,
    several: open.length > 1,
    canFlag: can(user, 'flag'),
    canResolve: can(user, 'resolveFlags'),
    action: `/entries/${entryId}/flags`,
    reasons: FLAG_REASONS.map((value) => ({ value })),
    error: form.error,
    comment: form.comment,
    // Reopen the form when it comes back with an error, so what was typed is in view.
    expanded: !!form.error,
  };
}

/** The open flags a lead may tick as fixed by the edit they are making (none for others). */
export function flagsToResolve(db: Db, user: User | null, entryId: string, ticked: number[]) {
  if (!can(user, 'resolveFlags')) return [];
  return openFlagsFor(db, entryId).map((flag) => ({ ...flagItem(flag), checked: ticked.includes(flag.id) }));
}

/** The queue's answer to a refused resolve or dismiss: which flag, which form, and what was typed. */
export interface QueueForm {
  flagId: number;
  action: 'resolve' | 'dismiss';
  error: string;
  text: string;
}

/** Open flags grouped by entry (the entry flagged first comes first), and what was closed lately. */
export function flagQueue(db: Db, form?: QueueForm) {
  const entries = new Map<string, { id: string; title: string; flags: ReturnType<typeof queueItem>[] }>();
  for (const flag of openFlags(db)) {
    const group = entries.get(flag.entryId) ?? { id: flag.entryId, title: flag.entryTitle, flags: [] };
    group.flags.push(queueItem(flag, form));
    entries.set(flag.entryId, group);
  }
  // "Fix the entry" opens the editor with this entry's flags ticked as resolved by the edit.
  const open = [...entries.values()].map((e) => ({
    ...e,
    fixUrl: `/entries/${e.id}/edit?resolves=${e.flags.map((f) => f.id).join(',')}`,
  }));
  return {
    entries: open,
    openCount: open.reduce((n, e) => n + e.flags.length, 0),
    closed: recentlyClosedFlags(db, 20).map(flagItem),
  };
}

function queueItem(flag: Flag, form: QueueForm | undefined) {
  const mine = form?.flagId === flag.id ? form : undefined;
  return {
    ...flagItem(flag),
    resolveError: mine?.action === 'resolve' ? mine.error : undefined,
    dismissError: mine?.action === 'dismiss' ? mine.error : undefined,
    note: mine?.action === 'resolve' ? mine.text : '',
    dismissReason: mine?.action === 'dismiss' ? mine.text : '',
  };
}
