import { issueSetupToken } from './accounts/first-run.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { importStarterContentIfEmpty } from './content/starter-content.ts';
import { openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';

const config = loadConfig();
const db = openDatabase(config.dbPath);
migrate(db);
const starter = importStarterContentIfEmpty(db, config.contentDir);
if (starter) console.log(`Imported the starter knowledge base: ${starter.created} entries, ${starter.guides} guides.`);

const app = createApp({ db, config });
const server = app.listen(config.port, () => {
  console.log(`Plan B is serving http://localhost:${config.port} (database ${config.dbPath})`);
  const setupToken = issueSetupToken(db);
  if (setupToken) {
    console.log(`No account exists yet. Create the first admin (this link works once):`);
    console.log(`  http://localhost:${config.port}/setup/${setupToken}`);
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    db.close();
    process.exit(0);
  });
}
