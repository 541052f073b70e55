// DB_PATH=NEW npm run restore -- FILE [--force]: builds a ready database at DB_PATH from a backup
// made with `npm run backup` (checked, migrated, full-text index verified).
// DB_PATH=NEW npm run restore -- --replica FOLDER_OR_URL: the same from a Litestream replica
// (`npm run replicate`), at its latest synced state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { BackupError, restoreDatabase } from '../server/backup/backup-service.ts';
import { restoreFromReplica } from '../server/backup/litestream.ts';
import { fail, parseCommand } from './cli.ts';

const { values, positionals } = parseCommand({ force: { type: 'boolean', default: false }, replica: { type: 'string' } });
const replica = values.replica as string | undefined;
const [file] = positionals;
if (replica ? positionals.length > 0 : !file || positionals.length > 1) {
  fail('Usage: DB_PATH=NEW.db npm run restore -- FILE [--force]\n   or: DB_PATH=NEW.db npm run restore -- --replica FOLDER_OR_URL [--force]');
}
const { dbPath } = loadConfig();
const work = mkdtempSync(join(tmpdir(), 'planb-restore-'));
try {
  let source = file!;
  if (replica) {
    source = join(work, 'replica.db');
    await restoreFromReplica(replica, source, process.env.REPLICA_ENDPOINT);
  }
  const contents = await restoreDatabase(source, dbPath, { force: values.force as boolean });
  console.log(`Restored ${replica ?? file} into ${dbPath}: ${contents}. Start (or restart) the server on it.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  process.exitCode = 1;
  console.error(error.message);
} finally {
  rmSync(work, { recursive: true, force: true });
}
