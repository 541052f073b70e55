// Event-loop delay while the server's search does background work: what a request arriving then
// waits before it is even read. Measured with perf_hooks.monitorEventLoopDelay while a timer asks
// a question every 10 ms, as requests would.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { createSearch } from '../../server/search/search.ts';
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

/** Nothing but the searches themselves: the floor the other figures stand on. */
export async function whileOnlySearching(scenario: string, db: Db): Promise<Delay> {
  const search = createSearch(db);
  search.search('warm up');
  return delayWhile(scenario, () => search.search('my card was charged twice'), () => sleep(1000));
}

/** One save, then the searches that pick it up, and the learned weights retrained meanwhile. */
export async function afterASave(scenario: string, db: Db): Promise<Delay> {
  const search = createSearch(db);
  search.search('warm up');
  return delayWhile(scenario, () => search.search('my card was charged twice'), async () => {
    saveEntry(db, makeBenchEntry('saved-during-bench', 'Card charged twice after a refund'), { author: 'bench', summary: 'save' });
    await sleep(50);
    await search.idle();
    await sleep(50);
  });
}

/** Another process imports `count` entries in one transaction, as npm run import does, while this one searches. */
export async function duringAnImport(scenario: string, db: Db, dbPath: string, count: number): Promise<Delay> {
  const search = createSearch(db);
  search.search('warm up');
  const write = `
    import { openDatabase } from './server/db/connection.ts';
    import { saveEntry } from './server/entries/save-entry.ts';
    import { makeBenchEntry } from './scripts/bench/bench-entry.ts';
    const db = openDatabase(${JSON.stringify(dbPath)});
    db.transaction(() => { for (let i = 0; i < ${count}; i++) saveEntry(db, makeBenchEntry('imported-' + i, 'Imported entry ' + i + ' about a lost card'), { author: 'bench', summary: 'import' }); })();
    db.close();`;
  return delayWhile(scenario, () => search.search('lost card abroad'), async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', write], { stdio: 'inherit' });
    await new Promise((resolve) => child.on('exit', resolve));
    await sleep(200);
    await search.idle();
  });
}

/**
 * Another process re-imports every one of `size` synthetic entries, twice (as two imports): the
 * second leaves more dead entry numbers than live ones, so this process's index compacts itself.
 * Words only (no sentence vectors): the figure is the index's own work.
 */
export async function duringACompaction(scenario: string, db: Db, dbPath: string, size: number): Promise<Delay> {
  const search = createSearch(db, { model: null });
  search.search('warm up');
  const reimport = (round: number) => `
    import { openDatabase } from './server/db/connection.ts';
    import { saveEntry } from './server/entries/save-entry.ts';
    import { devQueries } from './scripts/bench/bench-data.ts';
    import { syntheticCorpus } from './scripts/bench/synthetic-entries.ts';
    const db = openDatabase(${JSON.stringify(dbPath)});
    const { entries } = syntheticCorpus(${size}, devQueries().map((q) => q.query));
    db.transaction(() => { for (const entry of entries) saveEntry(db, { ...entry, title: entry.title + ' ${round}' }, { author: 'bench', summary: 'reimport' }); })();
    db.close();`;
  return delayWhile(scenario, () => search.search('lost card abroad'), async () => {
    for (const round of [1, 2]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', reimport(round)], { stdio: 'inherit' });
      await new Promise((resolve) => child.on('exit', resolve));
      await sleep(200);
      await search.idle();
    }
  });
}
