// The event-loop scenarios of bench:latency (event-loop.ts), run in a process of their own: the
// benchmark's own process holds its synthetic corpora and their searches (over a gigabyte), and
// its garbage collections would be measured as if the server paused. A server's heap is its own.
import { spawn } from 'node:child_process';
import { openDatabase } from '../../server/db/connection.ts';
import { modelFromEnv } from '../../server/search/meaning/model-folder.ts';
import { banking77Database } from './bench-data.ts';
import { afterASave, duringABatchRemoval, duringACompaction, duringAnImport, whileOnlySearching, whileVectorsAttach, type Delay } from './event-loop.ts';

/**
 * With sentence vectors (the packaged model; vectors stored): a save, vectors attaching on a
 * restart, an import and a large batch removal by another process, on the largest database; a
 * compaction by words only on a smaller one (re-importing 100,000 entries twice takes long).
 */
export async function eventLoopDelays(largestPath: string, size: number, compactedPath: string): Promise<Delay[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--run', largestPath, String(size), compactedPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the event-loop scenarios failed (exit ${code})`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as Delay[];
}

async function run(largestPath: string, size: number, compactedPath: string): Promise<Delay[]> {
  const withModel = { model: modelFromEnv('') };
  const small = banking77Database().db;
  const large = openDatabase(largestPath);
  const medium = openDatabase(compactedPath);
  const compacted = medium.prepare('SELECT count(*) FROM entries').pluck().get() as number;
  const n = size.toLocaleString('en');
  const archived = Math.min(10_000, size / 10);
  try {
    return [
      await whileOnlySearching('BANKING77 (77 entries): searches only, for comparison', small, withModel),
      await afterASave('BANKING77 (77 entries): a save, then retraining the learned weights', small, withModel),
      await whileVectorsAttach(`${n} entries: a restart with every vector stored, from the index built until every vector is read`, large, withModel),
      await afterASave(`${n} entries: a save (its texts encoded meanwhile)`, large, withModel),
      await duringAnImport(`${n} entries: another process imports 1,000 entries`, large, largestPath, 1000, withModel),
      await duringABatchRemoval(`${n} entries: another process archives ${archived.toLocaleString('en')} entries at once`, large, largestPath, size, archived, withModel),
      await duringACompaction(`${compacted.toLocaleString('en')} entries: another process re-imports every entry twice (compaction; words only)`, medium, compactedPath, compacted),
    ];
  } finally {
    large.close();
    medium.close();
  }
}

if (process.argv[2] === '--run') {
  const [largestPath, size, compactedPath] = process.argv.slice(3);
  console.log(JSON.stringify(await run(largestPath!, Number(size), compactedPath!)));
  // The scenarios leave searches open (their databases were changed under them): done is done.
  process.exit(0);
}
