// npm run user -- add NAME --role agent|lead|admin | token NAME | set-role NAME ROLE | reset-password NAME | list
import { newPassword } from '../server/accounts/secrets.ts';
import { roleSchema, userNameSchema } from '../server/accounts/user.ts';
import {
  createApiToken, createUser, findUserByName, listUsers, setPassword, setRole,
} from '../server/accounts/user-queries.ts';
import type { z } from 'zod';
import { fail, openMigratedDatabase, parseCommand } from './cli.ts';

const USAGE = `Usage:
  npm run user -- add NAME --role agent|lead|admin   create an account, print its password
  npm run user -- token NAME                         print a new personal API token
  npm run user -- set-role NAME agent|lead|admin     change a role
  npm run user -- reset-password NAME                print a new password (signs the person out)
  npm run user -- list                               list accounts`;

const { values: flags, positionals } = parseCommand({ role: { type: 'string' } });
const [command, name, extra] = positionals;

const { db } = openMigratedDatabase();
try {
  switch (command) {
    case 'add': {
      const userName = check(userNameSchema, name, 'NAME');
      const role = check(roleSchema, flags.role, '--role');
      if (findUserByName(db, userName)) fail(`There is already an account named ${userName}.`);
      const password = newPassword();
      await createUser(db, userName, role, password);
      console.log(`Created ${role} ${userName}. Password (shown once): ${password}`);
      break;
    }
    case 'token':
      console.log(createApiToken(db, existing(name).id));
      break;
    case 'set-role': {
      const role = check(roleSchema, extra, 'ROLE');
      setRole(db, existing(name).id, role);
      console.log(`${name} is now ${role}.`);
      break;
    }
    case 'reset-password': {
      const password = newPassword();
      await setPassword(db, existing(name).id, password);
      console.log(`New password for ${name} (shown once): ${password}`);
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
