import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';

/** What every content script shares: its flags, the migrated database and a progress bar on a terminal. */

type FlagOptions = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

export function parseFlags<T extends FlagOptions>(options: T) {
  return parseCommand(options).values;
}

/** Flags and the words around them (`user add NAME --role lead`). */
export function parseCommand<T extends FlagOptions>(options: T) {
  try {
    return parseArgs({ options, allowPositionals: true });
  } catch (error) {
    fail((error as Error).message);
  }
}

export function openMigratedDatabase(): { db: Db; path: string } {
  const config = loadConfig();
  const db = openDatabase(config.dbPath);
  migrate(db);
  return { db, path: config.dbPath };
}

/** A progress bar when a person is watching a terminal; nothing in CI or a pipe. */
export function progressBar(label: string) {
  if (!process.stdout.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
