// Runs only the compaction event-loop scenario (for before/after figures).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './server/db/connection.ts';
import { migrate } from './server/db/migrate.ts';
import { saveEntry } from './server/entries/save-entry.ts';
import { devQueries } from './scripts/bench/bench-data.ts';
import { syntheticCorpus } from './scripts/bench/synthetic-entries.ts';
import { duringACompaction } from './scripts/bench/event-loop.ts';
const size = Number(process.argv[2] ?? 10000);
const path = join(mkdtempSync(join(tmpdir(), 'planb-c-')), 'c.db');
const db = openDatabase(path);
migrate(db);
const corpus = syntheticCorpus(size, devQueries().map((q) => q.query));
db.transaction(() => corpus.entries.forEach((e) => saveEntry(db, e, { author: 'bench', summary: 'synthetic' })))();
const d = await duringACompaction(`${size} compaction`, db, path, size);
console.log(JSON.stringify(d));
