// npm run replicate -- [REPLICA]: streams every change of the database at DB_PATH to REPLICA (a
// folder, or an S3-compatible URL such as s3://bucket/planb) with Litestream, until stopped.
// REPLICA defaults to $REPLICA_URL; $REPLICA_ENDPOINT names a non-AWS S3 endpoint.
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { startReplication } from '../server/backup/litestream.ts';
import { fail, parseCommand } from './cli.ts';

const { positionals } = parseCommand({});
const replica = positionals[0] ?? process.env.REPLICA_URL;
if (!replica || positionals.length > 1) fail('Usage: npm run replicate -- FOLDER_OR_URL (or set REPLICA_URL)');
const { dbPath } = loadConfig();

// Litestream follows the WAL, so the database must exist and be in WAL mode before it starts.
const db = openDatabase(dbPath);
migrate(db);
db.close();

console.log(`Replicating ${dbPath} to ${replica} (Ctrl-C or SIGTERM stops after a last sync).`);
const litestream = startReplication(dbPath, replica, process.env.REPLICA_ENDPOINT);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => litestream.kill(signal));
litestream.once('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
