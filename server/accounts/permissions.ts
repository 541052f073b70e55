import type { EntryStatus } from '../entries/entry.ts';
import { HttpError } from '../http/http-error.ts';
import type { Role, User } from './user.ts';

/** What each role may do, in one table. An admin can do everything a lead can. */
const RULES = {
  propose: ['agent', 'lead', 'admin'],
  flag: ['agent', 'lead', 'admin'],
  giveFeedback: ['agent', 'lead', 'admin'],
  editDirectly: ['lead', 'admin'],
  review: ['lead', 'admin'],
  resolveFlags: ['lead', 'admin'],
  verify: ['lead', 'admin'],
  restore: ['lead', 'admin'],
  seeInsights: ['lead', 'admin'],
  curateOnboarding: ['lead', 'admin'],
  manageUsers: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof RULES;

export function can(user: User | null | undefined, action: Action): boolean {
  return !!user && (RULES[action] as readonly Role[]).includes(user.role);
}

/** Throws 401 for nobody and 403 for a role that may not. */
export function requirePermission(user: User | null | undefined, action: Action): User {
  if (!user) throw new HttpError(401, 'Sign in first');
  if (!can(user, action)) throw new HttpError(403, `Your role (${user.role}) may not do this`);
  return user;
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
