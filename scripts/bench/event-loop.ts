// Event-loop delay while the server's search does background work: what a request arriving then
// waits before it is even read. Measured with perf_hooks.monitorEventLoopDelay while a timer asks
// a question every 10 ms, as requests would.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import type { MeaningOptions } from '../../server/search/meaning/meaning.ts';
import { createSearch, type Search } from '../../server/search/search.ts';
import { makeBenchEntry } from './bench-entry.ts';

export interface Delay {
  scenario: string;
  maxMs: number;
  p99Ms: number;
  /** How long this thread was busy meanwhile (searches included): work done elsewhere does not count. */
  busyMs: number;
}

async function delayWhile(scenario: string, search: () => void, work: () => Promise<void>): Promise<Delay> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const before = performance.eventLoopUtilization();
  const asking = setInterval(search, 10);
  try {
    await work();
  } finally {
    clearInterval(asking);
    histogram.disable();
  }
  return { scenario, maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, busyMs: performance.eventLoopUtilization(before).active };
}

/**
 * Search on the database, asked as a server is: a settled search (query encoded in the worker,
 * re-ranked by meaning; it also takes up the changes of the sentence vectors) and an instant one.
 * With `options.model` null, by words only. Measured once its sentence vectors are read and a few searches ran.
 */
async function serving(db: Db, options: MeaningOptions, question: string): Promise<{ search: Search; ask: () => void }> {
  const search = createSearch(db, options);
  await search.meaning.settled();
  // The first few searches of a process compile the code they run (the first settled one took
  // 61 ms on BANKING77, the next ones 25, 6, 16): a cost of starting, not of background work.
  for (let i = 0; i < WARM_UP; i++) await search.settled(question).then(() => search.search(question));
  return { search, ask: () => void search.settled(question).then(() => search.search(question)) };
}

const WARM_UP = 20;

/** Waits for the index and the sentence vectors to take up every change (not for encoding new texts). */
async function caughtUp(search: Search): Promise<void> {
  await search.idle();
  search.meaning.status();
  while (search.meaning.entries?.reading) await sleep(20);
}

/** A child process running `code` (TypeScript, from the repository root); resolves when it exits. */
async function child(code: string): Promise<void> {
  const running = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: 'inherit' });
  await new Promise((resolve) => running.on('exit', resolve));
}

/** Nothing but the searches themselves: the floor the other figures stand on. */
export async function whileOnlySearching(scenario: string, db: Db, options: MeaningOptions): Promise<Delay> {
  const { search, ask } = await serving(db, options, 'my card was charged twice');
  const delay = await delayWhile(scenario, ask, () => sleep(1000));
  await search.meaning.close();
  return delay;
}

/** One save, then the searches that pick it up (learned weights retrained, new texts encoded meanwhile). */
export async function afterASave(scenario: string, db: Db, options: MeaningOptions): Promise<Delay> {
  const { search, ask } = await serving(db, options, 'my card was charged twice');
  const delay = await delayWhile(scenario, ask, async () => {
    saveEntry(db, makeBenchEntry('saved-during-bench', 'Card charged twice after a refund'), { author: 'bench', summary: 'save' });
    await sleep(50);
    await caughtUp(search);
    await search.meaning.settled();
    await sleep(50);
  });
  await search.meaning.close();
  return delay;
}

/** A restart with every vector stored: the lexical index is built (before a server listens), then the vectors are read while searches go on. */
export async function whileVectorsAttach(scenario: string, db: Db, options: MeaningOptions): Promise<Delay> {
  const search = createSearch(db, options);
  search.search('warm up');
  const delay = await delayWhile(scenario, () => void search.settled('lost card abroad'), () => search.meaning.settled());
  await search.meaning.close();
  return delay;
}

/** Another process imports `count` entries in one transaction, as npm run import does, while this one searches. */
export async function duringAnImport(scenario: string, db: Db, dbPath: string, count: number, options: MeaningOptions): Promise<Delay> {
  const { search, ask } = await serving(db, options, 'lost card abroad');
  const delay = await delayWhile(scenario, ask, async () => {
    await child(`
    import { openDatabase } from './server/db/connection.ts';
    import { saveEntry } from './server/entries/save-entry.ts';
    import { makeBenchEntry } from './scripts/bench/bench-entry.ts';
    const db = openDatabase(${JSON.stringify(dbPath)});
    db.transaction(() => { for (let i = 0; i < ${count}; i++) saveEntry(db, makeBenchEntry('imported-' + i, 'Imported entry ' + i + ' about a lost card'), { author: 'bench', summary: 'import' }); })();
    db.close();`);
    await sleep(200);
    await caughtUp(search);
  });
  await search.meaning.close();
  return delay;
}

/** Another process archives the first `count` of the `size` synthetic entries in one transaction: one request takes them all out. */
export async function duringABatchRemoval(scenario: string, db: Db, dbPath: string, size: number, count: number, options: MeaningOptions): Promise<Delay> {
  const { search, ask } = await serving(db, options, 'lost card abroad');
  const delay = await delayWhile(scenario, ask, async () => {
    await child(`
    import { openDatabase } from './server/db/connection.ts';
    import { saveEntry } from './server/entries/save-entry.ts';
    import { devQueries } from './scripts/bench/bench-data.ts';
    import { syntheticCorpus } from './scripts/bench/synthetic-entries.ts';
    const db = openDatabase(${JSON.stringify(dbPath)});
    const { entries } = syntheticCorpus(${size}, devQueries().map((q) => q.query));
    db.transaction(() => { for (const entry of entries.slice(0, ${count})) saveEntry(db, { ...entry, status: 'archived' }, { author: 'bench', summary: 'archive' }); })();
    db.close();`);
    await sleep(200);
    await caughtUp(search);
  });
  await search.meaning.close();
  return delay;
}

/**
 * Another process re-imports every one of `size` synthetic entries, twice (as two imports): the
 * second leaves more dead entry numbers than live ones, so this process's index compacts itself.
 * Words only (no sentence vectors): the figure is the index's own work.
 */
export async function duringACompaction(scenario: string, db: Db, dbPath: string, size: number): Promise<Delay> {
  const { search, ask } = await serving(db, { model: null }, 'lost card abroad');
  return delayWhile(scenario, ask, async () => {
    for (const round of [1, 2]) {
      await child(`
    import { openDatabase } from './server/db/connection.ts';
    import { saveEntry } from './server/entries/save-entry.ts';
    import { devQueries } from './scripts/bench/bench-data.ts';
    import { syntheticCorpus } from './scripts/bench/synthetic-entries.ts';
    const db = openDatabase(${JSON.stringify(dbPath)});
    const { entries } = syntheticCorpus(${size}, devQueries().map((q) => q.query));
    db.transaction(() => { for (const entry of entries) saveEntry(db, { ...entry, title: entry.title + ' ${round}' }, { author: 'bench', summary: 'reimport' }); })();
    db.close();`);
      await sleep(200);
      await search.idle();
    }
  });
}
