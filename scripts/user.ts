// npm run user -- add NAME --role agent|lead|admin | token NAME [--name LABEL] | tokens NAME | revoke NAME ID | set-role NAME ROLE | reset-password NAME | list
import { checkNameIsFree } from '../server/accounts/account-service.ts';
import { newPassword } from '../server/accounts/secrets.ts';
import { createToken, revokeToken } from '../server/accounts/token-service.ts';
import { roleSchema, userNameSchema } from '../server/people/user.ts';
import {
  createUser, findUserByName, listApiTokens, listUsers, setPassword, setRole,
} from '../server/accounts/user-queries.ts';
import { recordAudit } from '../server/audit/audit-log.ts';
import { DomainError } from '../server/errors/domain-errors.ts';
import type { z } from 'zod';
import { fail, openMigratedDatabase, parseCommand } from './cli.ts';

const USAGE = `Usage:
  npm run user -- add NAME --role agent|lead|admin   create an account, print its password
  npm run user -- token NAME [--name LABEL]          print a new personal API token
  npm run user -- tokens NAME                        list the person's API tokens
  npm run user -- revoke NAME ID                     revoke one of them
  npm run user -- set-role NAME agent|lead|admin     change a role (ends the person's sessions and tokens)
  npm run user -- reset-password NAME                print a new password (ends sessions and tokens)
  npm run user -- list                               list accounts`;

/** The audit log names the terminal as the actor; it has no address. */
const CLI = { actor: 'command line', ip: null };

const { values: flags, positionals } = parseCommand({ role: { type: 'string' }, name: { type: 'string' } });
const [command, name, extra] = positionals;

const { db } = openMigratedDatabase();
try {
  switch (command) {
    case 'add': {
      const userName = check(userNameSchema, name, 'NAME');
      const role = check(roleSchema, flags.role, '--role');
      refused(() => checkNameIsFree(db, userName));
      const password = newPassword();
      await createUser(db, userName, role, password);
      recordAudit(db, { action: 'user_created', ...CLI, subject: userName, detail: role });
      console.log(`Created ${role} ${userName}. Password (shown once): ${password}`);
      break;
    }
    case 'token': {
      const created = refused(() => createToken(db, existing(name), { name: flags.name }, CLI));
      console.log(`Token #${created.id} “${created.name}” (shown once):\n${created.token}`);
      break;
    }
    case 'tokens': {
      const tokens = listApiTokens(db, existing(name).id);
      if (!tokens.length) console.log(`${name} has no API tokens.`);
      for (const t of tokens) console.log(`#${t.id}\t${t.name}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? 'never'}`);
      break;
    }
    case 'revoke': {
      const revoked = refused(() => revokeToken(db, existing(name), extra, CLI));
      console.log(`Revoked token #${revoked.id} “${revoked.name}” of ${name}.`);
      break;
    }
    case 'set-role': {
      const role = check(roleSchema, extra, 'ROLE');
      const user = existing(name);
      setRole(db, user.id, role);
      recordAudit(db, { action: 'role_changed', ...CLI, subject: user.name, detail: `${user.role} → ${role}` });
      console.log(`${user.name} is now ${role}; their sessions and API tokens have ended.`);
      break;
    }
    case 'reset-password': {
      const user = existing(name);
      const password = newPassword();
      await setPassword(db, user.id, password);
      recordAudit(db, { action: 'password_reset', ...CLI, subject: user.name, detail: 'sessions and API tokens ended' });
      console.log(`New password for ${user.name} (shown once): ${password}`);
      break;
    }
    case 'list':
      for (const user of listUsers(db)) console.log(`${user.name}\t${user.role}`);
      break;
    default:
      fail(USAGE);
  }
} finally {
  db.close();
}

function existing(userName: string | undefined) {
  const user = userName ? findUserByName(db, userName) : undefined;
  if (!user) fail(userName ? `No account named ${userName}.` : USAGE);
  return user;
}

function check<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) fail(`${what}: ${result.error.issues[0]!.message}\n\n${USAGE}`);
  return result.data;
}

/** The service's own words when it refuses (a taken name, an unknown token). */
function refused<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof DomainError) fail(error.message);
    throw error;
  }
}
