import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { Conflict, Gone, NotFound, TooManyAttempts, Unauthenticated } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { recordAudit, recordRepeatable } from '../audit/audit-log.ts';
import { setupTokenIsValid, useSetupToken } from './first-run.ts';
import { attemptSucceeded, beginAttempt } from './login-throttle.ts';
import { requirePermission } from '../people/permissions.ts';
import { hashPassword, newPassword } from './secrets.ts';
import { passwordSchema, roleSchema, userNameSchema, type User } from '../people/user.ts';
import { lookAlikeName } from '../people/user-names.ts';
import {
  checkPassword, countAdmins, countUsers, createUser, findUserByName, insertUser, listUsers, setPassword, setRole,
} from './user-queries.ts';

/** What people do with accounts; the pages and the JSON API both call these, so the rules are one. */

const signInSchema = z.object({
  name: z.string({ error: 'name is required' }).transform((n) => n.normalize('NFKC').trim()).pipe(z.string().min(1, 'name is required').max(100)),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(200),
});

/** The attempt is counted (and maybe refused) before the password is looked at. */
export async function signIn(db: Db, input: unknown, ip: string): Promise<User> {
  const { name, password } = validate(signInSchema, input);
  const attempt = beginAttempt(db, name, ip);
  if (!attempt.allowed) {
    recordRepeatable(db, { action: 'sign_in_throttled', actor: null, subject: name, ip, detail: `too many failures for this ${attempt.by}` });
    const wait = attempt.retryAfterSeconds;
    const inWords = wait < 60 ? `${wait} second${wait === 1 ? '' : 's'}` : `${Math.ceil(wait / 60)} minutes`;
    throw new TooManyAttempts(`Too many failed sign-ins. Try again in ${inWords}.`, wait);
  }
  const user = await checkPassword(db, name, password);
  if (!user) {
    recordAudit(db, { action: 'sign_in_failed', actor: null, subject: name, ip });
    throw new Unauthenticated('That name and password do not match an account.', 'password');
  }
  attemptSucceeded(db, attempt.id, name);
  recordAudit(db, { action: 'sign_in', actor: user.name, subject: user.name, ip });
  return user;
}

const newUserSchema = z.object({ name: userNameSchema, role: roleSchema });

/** Refuses a taken name, or one that reads like a taken name (`maria` vs `mаria` with a Cyrillic а). */
export function checkNameIsFree(db: Db, name: string): void {
  if (findUserByName(db, name)) throw new Conflict(`There is already an account named ${name}.`, 'name');
  const lookAlike = lookAlikeName(name, listUsers(db).map((u) => u.name));
  if (lookAlike) throw new Conflict(`${name} looks like the existing account ${lookAlike}; pick a name that reads differently.`, 'name');
}

/** Creates an account with a generated password, returned once for the admin to pass on. */
export async function addUser(db: Db, actor: User | null, input: unknown, ip: string | null): Promise<{ user: User; password: string }> {
  const admin = requirePermission(actor, 'manageUsers');
  const { name, role } = validate(newUserSchema, input);
  checkNameIsFree(db, name);
  const password = newPassword();
  const user = await createUser(db, name, role, password);
  recordAudit(db, { action: 'user_created', actor: admin.name, subject: name, ip, detail: role });
  return { user, password };
}

/** A new role ends every session and token of the person (they sign in again with the new role). */
export function changeRole(db: Db, actor: User | null, name: string, input: unknown, ip: string | null): User {
  const admin = requirePermission(actor, 'manageUsers');
  const { role } = validate(z.object({ role: roleSchema }), input);
  const user = existingUser(db, name);
  if (user.role === 'admin' && role !== 'admin' && countAdmins(db) === 1) {
    throw new Conflict('This is the last admin: make someone else admin first.', 'role');
  }
  if (user.role === role) return user;
  setRole(db, user.id, role);
  recordAudit(db, { action: 'role_changed', actor: admin.name, subject: user.name, ip, detail: `${user.role} → ${role}` });
  return { ...user, role };
}

/** A new password ends every session and token of the person. */
export async function resetPassword(db: Db, actor: User | null, name: string, ip: string | null): Promise<string> {
  const admin = requirePermission(actor, 'manageUsers');
  const user = existingUser(db, name);
  const password = newPassword();
  await setPassword(db, user.id, password);
  recordAudit(db, { action: 'password_reset', actor: admin.name, subject: user.name, ip, detail: 'sessions and API tokens ended' });
  return password;
}

const setupSchema = z
  .object({ name: userNameSchema, password: passwordSchema, confirm: z.string().optional() })
  .refine((v) => v.confirm === undefined || v.confirm === v.password, { message: 'the two passwords differ', path: ['confirm'] });

/** The first admin, through the one-time link printed on the console. */
export async function completeSetup(db: Db, token: string, input: unknown): Promise<User> {
  if (!setupTokenIsValid(db, token)) throw new Gone('This setup link has already been used.');
  const { name, password } = validate(setupSchema, input);
  const passwordHash = await hashPassword(password);
  return writeTransaction(db, () => {
    if (countUsers(db) > 0 || !useSetupToken(db, token)) throw new Gone('This setup link has already been used.');
    return insertUser(db, name, 'admin', passwordHash);
  });
}

export function existingUser(db: Db, name: string): User {
  const user = findUserByName(db, name);
  if (!user) throw new NotFound(`No account named ${name}`);
  return user;
}
