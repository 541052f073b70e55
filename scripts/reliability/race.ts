// npm run check:race -- [--trials 200]: two server processes on one database file; in each trial
// two clients save different edits of the same entry from the same base revision at once.
// Exactly one must be saved, the other must get 409 with both versions, and nothing may answer 5xx.
import { join } from 'node:path';
import { numberFlags, runCheck } from './lib/check.ts';
import { entryIds } from './lib/database-checks.ts';
import { raceSameBaseEdits } from './lib/race.ts';
import { prepareDatabase, signIn, startServer } from './lib/server-process.ts';

const { trials } = numberFlags({ trials: 200 });

await runCheck('race', async (dir) => {
  const dbPath = join(dir, 'planb.db');
  await prepareDatabase(dbPath);
  const servers = await Promise.all([startServer(dbPath), startServer(dbPath)]);
  try {
    const [a, b] = await Promise.all(servers.map((s) => signIn(s.url)));
    const ids = entryIds(dbPath);
    const problems: string[] = [];
    let serverErrors = 0;
    let doubleWins = 0;
    for (let trial = 1; trial <= trials; trial++) {
      const t = await raceSameBaseEdits(a!, b!, ids[trial % ids.length]!, trial);
      serverErrors += t.statuses.filter((s) => s >= 500).length;
      if (t.winners > 1) doubleWins++;
      if ([...t.statuses].sort().join() !== '201,409' || !t.conflictShowsBoth || !t.winnerKept) {
        problems.push(`trial ${trial}: statuses ${t.statuses.join(', ')}, both versions in the 409: ${t.conflictShowsBoth}, winner kept: ${t.winnerKept}`);
      }
    }
    return { figures: `${trials} trials, ${serverErrors} 5xx, ${doubleWins} double wins, ${problems.length} trials not exactly one 201 + one 409`, problems };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
});
