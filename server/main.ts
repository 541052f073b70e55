import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { issueSetupToken } from './accounts/first-run.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { upgradeRenderedMarkdown } from './content/markdown-upgrade.ts';
import { importStarterContentIfEmpty } from './content/starter-content.ts';
import { checkpointInBackground } from './db/checkpoints.ts';
import { openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { createBoundedServer, stopOnSignals } from './process/serve.ts';

// The search index and the sentence vectors live mostly outside the JavaScript heap (packed typed
// arrays, ~500 MB at 100k entries), where V8's heap sizing does not see them. By default V8 lets the
// heap grow to several times what is live between full collections: under load that took the
// server past 1 GB at 100k entries. Growing by half keeps it near 850 MB for ~5% of throughput.
setFlagsFromString('--heap-growing-percent=50');

const config = loadConfig();
const db = openDatabase(config.dbPath);
migrate(db);
const rendered = upgradeRenderedMarkdown(db);
if (rendered) console.log(`Rendered the Markdown of ${rendered} entries again with the current renderer (once, after an upgrade).`);
const starter = importStarterContentIfEmpty(db, config.contentDir);
if (starter) console.log(`Imported the starter knowledge base: ${starter.created} entries, ${starter.guides} guides.`);

// After the start's own large writes (migrations, starter content): from here on, requests never copy the log.
checkpointInBackground(db);
const app = createApp({ db, config });
const server = createBoundedServer(app);
stopOnSignals(server, db);
server.listen(config.port, config.host, () => {
  // Listening on every interface (0.0.0.0 or ::): this machine itself answers on localhost.
  const shown = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  // The port actually bound (PORT=0 picks a free one).
  const url = `http://${shown}:${(server.address() as AddressInfo).port}`;
  console.log(`Plan B is serving ${url} (database ${config.dbPath})`);
  const setupToken = issueSetupToken(db);
  if (setupToken) {
    console.log(`No account exists yet. Create the first admin (this link works once):`);
    console.log(`  ${url}/setup/${setupToken}`);
  }
});
