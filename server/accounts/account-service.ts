import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { HttpError } from '../http/http-error.ts';
import { validate } from '../http/validate.ts';
import { setupTokenIsValid, useSetupToken } from './first-run.ts';
import { clearFailures, minutesToWait, recordFailure } from './login-throttle.ts';
import { requirePermission } from './permissions.ts';
import { hashPassword, newPassword } from './secrets.ts';
import { passwordSchema, roleSchema, userNameSchema, type User } from './user.ts';
import {
  checkPassword, countAdmins, countUsers, createUser, findUserByName, insertUser, setPassword, setRole,
} from './user-queries.ts';

/** What people do with accounts; the pages and the JSON API both call these, so the rules are one. */

const signInSchema = z.object({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(100),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(200),
});

export async function signIn(db: Db, input: unknown, ip: string): Promise<User> {
  const { name, password } = validate(signInSchema, input);
  const wait = minutesToWait(db, name, ip);
  if (wait) throw new HttpError(429, `Too many failed sign-ins. Try again in ${wait} minute${wait === 1 ? '' : 's'}.`);
  const user = await checkPassword(db, name, password);
  if (!user) {
    recordFailure(db, name, ip);
    throw new HttpError(401, 'That name and password do not match an account.', 'password');
  }
  clearFailures(db, name);
  return user;
}

const newUserSchema = z.object({ name: userNameSchema, role: roleSchema });

/** Creates an account with a generated password, returned once for the admin to pass on. */
export async function addUser(db: Db, actor: User | null, input: unknown): Promise<{ user: User; password: string }> {
  requirePermission(actor, 'manageUsers');
  const { name, role } = validate(newUserSchema, input);
  if (findUserByName(db, name)) throw new HttpError(409, `There is already an account named ${name}.`, 'name');
  const password = newPassword();
  return { user: await createUser(db, name, role, password), password };
}

export function changeRole(db: Db, actor: User | null, name: string, input: unknown): User {
  requirePermission(actor, 'manageUsers');
  const { role } = validate(z.object({ role: roleSchema }), input);
  const user = existingUser(db, name);
  if (user.role === 'admin' && role !== 'admin' && countAdmins(db) === 1) {
    throw new HttpError(409, 'This is the last admin: make someone else admin first.', 'role');
  }
  setRole(db, user.id, role);
  return { ...user, role };
}

export async function resetPassword(db: Db, actor: User | null, name: string): Promise<string> {
  requirePermission(actor, 'manageUsers');
  const user = existingUser(db, name);
  const password = newPassword();
  await setPassword(db, user.id, password);
  return password;
}

const setupSchema = z
  .object({ name: userNameSchema, password: passwordSchema, confirm: z.string().optional() })
  .refine((v) => v.confirm === undefined || v.confirm === v.password, { message: 'the two passwords differ', path: ['confirm'] });

/** The first admin, through the one-time link printed on the console. */
export async function completeSetup(db: Db, token: string, input: unknown): Promise<User> {
  if (!setupTokenIsValid(db, token)) throw new HttpError(410, 'This setup link has already been used.');
  const { name, password } = validate(setupSchema, input);
  const passwordHash = await hashPassword(password);
  return db.transaction(() => {
    if (countUsers(db) > 0 || !useSetupToken(db, token)) throw new HttpError(410, 'This setup link has already been used.');
    return insertUser(db, name, 'admin', passwordHash);
  })();
}

function existingUser(db: Db, name: string): User {
  const user = findUserByName(db, name);
  if (!user) throw new HttpError(404, `No account named ${name}`);
  return user;
}
