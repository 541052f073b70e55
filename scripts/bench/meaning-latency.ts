// The speed of meaning-aware search, for bench:latency: a server on the 100k database with every
// entry's vectors in place (seeded random vectors: encoding its ~900k texts takes hours on a busy
// machine, and search does the same work whatever the vectors hold), and the time to encode a
// smaller database in the background while search serves.
import { openDatabase } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { entryTextPages } from '../../server/search/meaning/entry-texts.ts';
import { vectorKeys } from '../../server/search/meaning/entry-vectors.ts';
import { modelFromEnv } from '../../server/search/meaning/model-folder.ts';
import { storeVectors } from '../../server/search/meaning/text-vectors.ts';
import { centroid, DIMENSIONS } from '../../server/search/meaning/vector-math.ts';
import { devQueries } from './bench-data.ts';
import { percentiles } from './percentiles.ts';
import { seededRandom } from './seeded-random.ts';
import { load, peakRssMb, startServer, type Server } from './server-process.ts';
import { syntheticCorpus } from './synthetic-entries.ts';
import { markdownTable } from './table.ts';

type Percentiles = ReturnType<typeof percentiles>;
const ms = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} ms`;

/** Rows for the server-on-100k table, and the background-encoding table. */
export async function meaningLatency(path: string, size: number, fillSeconds: number, questions: string[], encodeEntries: number, dir: string): Promise<string> {
  const server = await serve(path);
  const first = await sequential(server.port, questions, '');
  const cached = await sequential(server.port, questions, '');
  const instant = await sequential(server.port, questions, '&instant=1');
  const loaded = await underLoad(server.port, questions, '');
  const loadedInstant = await underLoad(server.port, questions, '&instant=1');
  const peak = peakRssMb(server.child);
  server.child.kill('SIGTERM');

  const encoding = await encodeInBackground(`${dir}/encode.db`, encodeEntries);
  return markdownTable(
    [`meaning-aware search, server on ${size.toLocaleString('en')} entries`, 'value'],
    [
      [`${size.toLocaleString('en')} entries: every text's vector stored in SQLite (prefilled in)`, `${fillSeconds.toFixed(0)} s`],
      ['restart with vectors cached: process start → listening', `${server.readySeconds.toFixed(1)} s`],
      ['restart with vectors cached: process start → every entry\'s vectors ready', `${server.vectorsReady.toFixed(1)} s`],
      ['settled query, first time (query encoded, 50 ms bound), sequential p50 / p95 / p99', ms(first)],
      ['settled query, query vector cached, sequential p50 / p95 / p99', ms(cached)],
      ['instant query, sequential p50 / p95 / p99', ms(instant)],
      ['settled query, cached, 8 connections p50 / p95 / p99', ms(loaded)],
      ['instant query, 8 connections p50 / p95 / p99', ms(loadedInstant)],
      ['peak RSS of the server, workers included (VmHWM)', `${peak} MB`],
      [`encode ${encodeEntries.toLocaleString('en')} new entries (${encoding.texts.toLocaleString('en')} texts) in the background`, `${encoding.seconds.toFixed(0)} s (${((encoding.seconds * 1000) / encoding.texts).toFixed(1)} ms a text)`],
      [`… the same pace for ${size.toLocaleString('en')} entries (extrapolated)`, `${((encoding.seconds / encodeEntries) * size / 60).toFixed(0)} min`],
      ['… instant queries meanwhile, sequential p50 / p95 / p99', ms(encoding.meanwhile)],
    ],
  );
}

/** Seeded random vectors for every text and centroid of the database, as the server would key them; returns the seconds taken. */
export function fillVectors(path: string): number {
  const started = performance.now();
  const db = openDatabase(path);
  migrate(db);
  const { id } = modelFromEnv('')!;
  const random = seededRandom(512);
  const vector = () => Int8Array.from({ length: DIMENSIONS }, () => Math.round((random() - 0.5) * 254));
  for (const page of entryTextPages(db, 2000)) {
    const rows: [string, Int8Array][] = [];
    for (const entry of page) {
      const { hashes, centroidKey } = vectorKeys(id, entry.texts);
      const texts = hashes.map((hash): [string, Int8Array] => [hash, vector()]);
      const packed = new Int8Array(texts.length * DIMENSIONS);
      texts.forEach(([, v], i) => packed.set(v, i * DIMENSIONS));
      rows.push(...texts, [centroidKey, centroid(packed)]);
    }
    storeVectors(db, rows);
  }
  db.close();
  return (performance.now() - started) / 1000;
}

/** The server with the model, once every entry's vectors are in memory. */
async function serve(path: string): Promise<Server & { vectorsReady: number }> {
  const server = await startServer(path, '');
  await vectorsDone(server.port);
  return { ...server, vectorsReady: (performance.now() - server.started) / 1000 };
}

async function vectorsDone(port: number, meanwhile?: () => Promise<void>): Promise<void> {
  for (;;) {
    const { vectors } = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { vectors: { done: number; total: number; error?: string } };
    if (vectors.error) throw new Error(`vectors: ${vectors.error}`);
    if (vectors.total && vectors.done === vectors.total) return;
    if (meanwhile) await meanwhile();
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function sequential(port: number, questions: string[], extra: string): Promise<Percentiles> {
  const times: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    await (await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(q)}${extra}`)).arrayBuffer();
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

async function underLoad(port: number, questions: string[], extra: string): Promise<Percentiles> {
  return percentiles((await load(port, questions.map((q) => `/api/search?q=${encodeURIComponent(q)}${extra}`))).latencies);
}

/** A fresh database of `count` synthetic entries: the server encodes them while instant searches go on. */
async function encodeInBackground(path: string, count: number): Promise<{ seconds: number; texts: number; meanwhile: Percentiles }> {
  const db = openDatabase(path);
  migrate(db);
  const corpus = syntheticCorpus(count, devQueries().map((q) => q.query), 11);
  db.transaction(() => corpus.entries.forEach((entry) => saveEntry(db, entry, { author: 'bench', summary: 'synthetic' })))();
  let texts = 0;
  for (const page of entryTextPages(db)) texts += page.reduce((n, e) => n + e.texts.length, 0);
  db.close();
  const { child, port, started } = await startServer(path, '');
  const random = seededRandom(81);
  const times: number[] = [];
  await vectorsDone(port, async () => {
    const q = corpus.question(random);
    const before = performance.now();
    await (await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(q)}&instant=1`)).arrayBuffer();
    times.push(performance.now() - before);
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  const seconds = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  return { seconds, texts, meanwhile: percentiles(times) };
}
