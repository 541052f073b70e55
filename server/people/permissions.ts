import { Forbidden, Unauthenticated } from '../errors/domain-errors.ts';
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
  if (!user) throw new Unauthenticated('Sign in first');
  if (!can(user, action)) throw new Forbidden(`Your role (${user.role}) may not do this`);
  return user;
}
