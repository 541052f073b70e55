// npm run reindex: rebuilds the full-text index (FTS5 'rebuild', then 'optimize') of the database
// at DB_PATH from the entries, then builds the in-memory search index from them as a check.
// A running server builds its in-memory index at start and follows every write after that.
import { EntryIndex } from '../server/search/index/entry-index.ts';
import { allIndexedEntries } from '../server/search/index/indexed-entries.ts';
import { openMigratedDatabase } from './cli.ts';

const { db, path } = openMigratedDatabase();
try {
  const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);
  let started = performance.now();
  db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')").run();
  db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')").run();
  db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')").run();
  console.log(`Full-text index of ${path} rebuilt and optimized in ${seconds(started)} s.`);
  started = performance.now();
  const index = new EntryIndex();
  index.load(allIndexedEntries(db));
  console.log(`Search index built: ${index.size} entries, ${index.featureCount} distinct words, in ${seconds(started)} s.`);
} finally {
  db.close();
}
