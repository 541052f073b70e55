// npm run backup -- FILE [--force]: a consistent copy of the database at DB_PATH, taken while
// servers keep running (SQLite online backup).
import { loadConfig } from '../server/config.ts';
import { BackupError, backupDatabase } from '../server/backup/backup-service.ts';
import { fail, parseCommand } from './cli.ts';

const { values, positionals } = parseCommand({ force: { type: 'boolean', default: false } });
const [file] = positionals;
if (!file || positionals.length > 1) fail('Usage: npm run backup -- FILE [--force]');
const { dbPath } = loadConfig();
try {
  const contents = await backupDatabase(dbPath, file, { force: values.force as boolean });
  console.log(`Backed up ${dbPath} to ${file}: ${contents}.`);
} catch (error) {
  if (error instanceof BackupError) fail(error.message);
  throw error;
}
