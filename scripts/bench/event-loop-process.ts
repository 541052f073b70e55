// The event-loop scenarios of bench:latency (event-loop.ts), each run in a process of its own, as a
// server has one search and one heap: the benchmark's own process holds its synthetic corpora and
// their searches (over a gigabyte), and the indexes of earlier scenarios would still be collected
// during later ones; their garbage collections would be measured as if the server paused.
import { checkpointInBackground } from '../../server/db/checkpoints.ts';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { modelFromEnv } from '../../server/search/meaning/model-folder.ts';
import { banking77Database } from './bench-data.ts';
import { inOwnProcess } from './own-process.ts';
import { afterASave, duringABatchRemoval, duringACompaction, duringAnImport, whileOnlySearching, whileVectorsAttach, type Delay } from './event-loop.ts';

/**
 * With sentence vectors (the packaged model; vectors stored): a save, vectors attaching on a
 * restart, an import and a large batch removal by another process, on the largest database; a
 * compaction by words only on a smaller one (re-importing 100,000 entries twice takes long).
 */
function scenarios(largestPath: string, size: number, compactedPath: string): (() => Promise<Delay>)[] {
  const withModel = () => ({ model: modelFromEnv('') });
  const n = size.toLocaleString('en');
  const archived = Math.min(10_000, size / 10);
  // Opened in the scenario's own process as the server opens it (left open: the process exits once measured).
  const on = (path: string, run: (db: Db) => Promise<Delay>) => () => {
    const db = openDatabase(path);
    checkpointInBackground(db);
    return run(db);
  };
  return [
    () => whileOnlySearching('BANKING77 (77 entries): searches only, for comparison', banking77Database().db, withModel()),
    () => afterASave('BANKING77 (77 entries): a save, then retraining the learned weights', banking77Database().db, withModel()),
    on(largestPath, (db) => whileVectorsAttach(`${n} entries: a restart with every vector stored, from the index built until every vector is read`, db, withModel())),
    on(largestPath, (db) => afterASave(`${n} entries: a save (its texts encoded meanwhile)`, db, withModel())),
    on(largestPath, (db) => duringAnImport(`${n} entries: another process imports 1,000 entries`, db, largestPath, 1000, withModel())),
    on(largestPath, (db) => duringABatchRemoval(`${n} entries: another process archives ${archived.toLocaleString('en')} entries at once`, db, largestPath, size, archived, withModel())),
    on(compactedPath, (db) => {
      const compacted = db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
      return duringACompaction(`${compacted.toLocaleString('en')} entries: another process re-imports every entry twice (compaction; words only)`, db, compactedPath, compacted);
    }),
  ];
}

/** Every scenario, in order, each in a fresh process. */
export async function eventLoopDelays(largestPath: string, size: number, compactedPath: string): Promise<Delay[]> {
  const delays: Delay[] = [];
  for (let i = 0; i < scenarios(largestPath, size, compactedPath).length; i++) {
    delays.push(await inOwnProcess<Delay>(`event-loop scenario ${i}`, import.meta.filename, ['--run', String(i), largestPath, String(size), compactedPath]));
  }
  return delays;
}

if (process.argv[2] === '--run') {
  const [scenario, largestPath, size, compactedPath] = process.argv.slice(3);
  console.log(JSON.stringify(await scenarios(largestPath!, Number(size), compactedPath!)[Number(scenario)]!()));
  // The scenarios leave searches open (their databases were changed under them): done is done.
  process.exit(0);
}
