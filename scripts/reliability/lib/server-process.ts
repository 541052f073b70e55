import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createUser } from '../../../server/accounts/user-queries.ts';
import { importStarterContentIfEmpty } from '../../../server/content/starter-content.ts';
import { openDatabase } from '../../../server/db/connection.ts';
import { migrate } from '../../../server/db/migrate.ts';
import { Client, TEST_PASSWORD } from '../../../test/support/app.ts';

/** Real server processes (the same command as `npm start`) for the tests and checks that need them. */

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A database file with the starter content and a lead account named `lead` (password TEST_PASSWORD). */
export async function prepareDatabase(dbPath: string, users: Array<{ name: string; role: 'agent' | 'lead' | 'admin' }> = [{ name: 'lead', role: 'lead' }]) {
  const db = openDatabase(dbPath);
  migrate(db);
  importStarterContentIfEmpty(db, join(ROOT, 'content'));
  for (const { name, role } of users) await createUser(db, name, role, TEST_PASSWORD);
  db.close();
}

/** Starts `node --import tsx server/main.ts` on a free loopback port and waits until it serves. */
export async function startServer(dbPath: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DB_PATH: dbPath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const seen = () => {
      const match = /is serving (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', seen);
    exited.then((code) => reject(new Error(`the server exited (${code}) before serving:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A client signed in through the login form, as a person would. */
export async function signIn(url: string, name = 'lead'): Promise<Client> {
  const client = new Client(url);
  const { status } = await client.form('/login', { name, password: TEST_PASSWORD });
  if (status !== 302) throw new Error(`could not sign in as ${name} (status ${status})`);
  return client;
}

/** Runs one of the npm scripts' files (scripts/NAME.ts) to its end, as `npm run NAME` would. */
export function runScript(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  const child = startScript(name, args, env);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** Starts a long-running script (`npm run replicate`); stop it with a signal. */
export function startScript(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
