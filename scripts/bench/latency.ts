// npm run bench:latency: search speed at 1k, 10k and 100k synthetic entries, Plan B beside naive
// FTS5 OR queries; then a real server on the 100k database: time to ready, /api/search under load
// (autocannon, 8 connections), peak memory; then meaning-aware search (meaning-latency.ts).
// Flags: --max-entries N (smaller databases only: a quick run), --encode-entries N (how many new
// entries to encode in the background, default 1,000), --quick (1k and 10k only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { ftsMatch } from '../../server/search/query/fts-query.ts';
import { queryTerms } from '../../server/search/query/query-terms.ts';
import { createSearch } from '../../server/search/search.ts';
import { devQueries } from './bench-data.ts';
import { eventLoopDelays } from './event-loop-process.ts';
import { percentiles } from './percentiles.ts';
import { writeReadmeSection } from './readme-section.ts';
import { seededRandom } from './seeded-random.ts';
import { load, peakRssMb, startServer } from './server-process.ts';
import { syntheticCorpus } from './synthetic-entries.ts';
import { markdownTable } from './table.ts';
import { fillVectors, meaningLatency } from './meaning-latency.ts';

const flag = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] ?? fallback) || fallback;
// --quick: the smaller sizes only, to try the benchmark out; --max-entries N: the sizes up to N.
const SIZES = [1_000, 10_000, 100_000].filter((n) => n <= (process.argv.includes('--quick') ? 10_000 : flag('--max-entries', 100_000)));
const QUERIES = 300;
const dir = mkdtempSync(join(tmpdir(), 'planb-bench-'));
const ms = (x: number) => x.toFixed(2);
const rows: string[][] = [];
// The servers are asked questions about the largest database, drawn before its corpus is let go:
// with every corpus held, this process's heap (over a gigabyte) slowed the load client it runs.
let largest = { path: '', size: 0, serverQuestions: [] as string[], meaningQuestions: [] as string[] };
const asked = (question: (random: () => number) => string, seed: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: 200 }, () => question(random));
};

for (const size of SIZES) {
  const path = join(dir, `bench-${size}.db`);
  const db = openDatabase(path);
  migrate(db);
  const corpus = syntheticCorpus(size, devQueries().map((q) => q.query));
  db.transaction(() => corpus.entries.forEach((entry) => saveEntry(db, entry, { author: 'bench', summary: 'synthetic' })))();
  largest = { path, size, serverQuestions: asked(corpus.question, 8), meaningQuestions: asked(corpus.question, 80) };

  const random = seededRandom(size);
  const sentences = Array.from({ length: QUERIES }, () => corpus.question(random));
  const kinds = {
    sentence: sentences,
    keyword: sentences.map((s) => s.split(' ').filter((w) => w.length > 4).slice(0, 2).join(' ')),
    prefix: sentences.map((s) => s.replace(/(\S{3})\S*$/, '$1')),
  };
  const planB = createSearch(db, { model: null });
  const fts = db.prepare(`SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts) LIMIT 10`);
  const engines = {
    'Plan B': (q: string) => planB.search(q),
    'FTS5 OR (naive)': (q: string) => fts.all(ftsMatch(queryTerms(q)) ?? '""'),
  };
  for (const [kind, queries] of Object.entries(kinds)) {
    for (const [name, run] of Object.entries(engines)) {
      for (const q of queries.slice(0, 20)) run(q); // warm up
      const times = queries.map((q) => {
        const started = performance.now();
        run(q);
        return performance.now() - started;
      });
      const p = percentiles(times);
      rows.push([size.toLocaleString('en'), kind, name, ms(p.p50), ms(p.p95), ms(p.p99)]);
    }
  }
  db.close();
}

const searchTable = markdownTable(['entries', 'query', 'engine', 'p50 ms', 'p95 ms', 'p99 ms'], rows);
console.log(searchTable);
// Every text of the largest database gets a (seeded random) vector, as if encoded: see meaning-latency.ts.
const fillSeconds = fillVectors(largest.path);
// The server is asked the same kind of questions as the search function: about the 100k entries.
const server = await serveAndLoad(largest.path, largest.serverQuestions);
console.log(server);
const meaning = await meaningLatency(largest.path, largest.size, fillSeconds, largest.meaningQuestions, flag('--encode-entries', 1_000), dir);
console.log(meaning);
// Last: these scenarios change the databases (an import, archived entries, re-imported titles).
const delays = markdownTable(
  ['event-loop delay while searching every 10 ms', 'max ms', 'p99 ms', 'main thread busy ms'],
  (await eventLoopDelays(largest.path, largest.size, SIZES.includes(10_000) ? join(dir, 'bench-10000.db') : largest.path)).map((d) => [d.scenario, ms(d.maxMs), ms(d.p99Ms), ms(d.busyMs)]),
);
console.log(delays);
rmSync(dir, { recursive: true, force: true });
if (process.argv.includes('--write-readme')) writeReadmeSection('bench-latency', `${searchTable}\n\n${server}\n\n${meaning}\n\n${delays}`);

/** Starts `npm start` on the database, waits until it answers, loads it, reads its peak memory. */
async function serveAndLoad(dbPath: string, questions: string[]): Promise<string> {
  const { child, port, readySeconds } = await startServer(dbPath, 'off');
  const paths = questions.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  const { requestsPerSecond, errors, non2xx, latencies } = await load(port, paths);
  const latency = percentiles(latencies);
  const peak = peakRssMb(child);
  child.kill('SIGTERM');
  return markdownTable(
    ['server on 100,000 entries', 'value'],
    [
      ['ready (process start → listening, index built)', `${readySeconds.toFixed(1)} s`],
      ['GET /api/search, 8 connections, 10 s: requests/s', requestsPerSecond.toFixed(0)],
      ['latency p50 / p95 / p99', `${ms(latency.p50)} / ${ms(latency.p95)} / ${ms(latency.p99)} ms`],
      ['errors / non-2xx', `${errors} / ${non2xx}`],
      ['peak RSS of the server (VmHWM)', `${peak} MB`],
    ],
  );
}
