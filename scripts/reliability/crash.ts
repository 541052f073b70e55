// npm run check:crash -- [--rounds 50]: starts the server, writes new entries from two clients,
// and SIGKILLs the server mid-write, round after round. Then: every acknowledged entry is in the
// database and found by search, and the integrity and full-text checks are clean.
import { join } from 'node:path';
import { numberFlags, runCheck } from './lib/check.ts';
import { problemsIn } from './lib/database-checks.ts';
import { prepareDatabase, signIn, startServer } from './lib/server-process.ts';
import { entryWriter } from './lib/writer.ts';

const { rounds } = numberFlags({ rounds: 50 });

await runCheck('crash', async (dir) => {
  const dbPath = join(dir, 'planb.db');
  await prepareDatabase(dbPath);
  const acknowledged: string[] = [];
  const problems: string[] = [];
  let lostConnections = 0;
  for (let round = 1; round <= rounds; round++) {
    const server = await startServer(dbPath);
    const client = await signIn(server.url);
    const writers = [entryWriter(client, `crash${round}a`).start(), entryWriter(client, `crash${round}b`).start()];
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(writers.map((w) => w.stop()));
    for (const w of writers) {
      acknowledged.push(...w.acknowledged);
      lostConnections += w.unanswered;
      problems.push(...w.serverErrors.map((s) => `round ${round}: HTTP ${s}`));
    }
    problems.push(...problemsIn(dbPath).map((p) => `after round ${round}: ${p}`));
  }
  // A last start: every acknowledged entry is there and search finds it by its own word.
  const server = await startServer(dbPath);
  let found = 0;
  try {
    const client = await signIn(server.url);
    for (const id of acknowledged) {
      const word = id.replace(/-(\d+)$/, 'x$1');
      const { body } = await client.json(`/api/search?q=${encodeURIComponent(word)}`);
      if ((body.results as Array<{ id: string }>).some((r) => r.id === id)) found++;
      else problems.push(`acknowledged entry ${id} is not found by searching "${word}"`);
    }
  } finally {
    await server.stop();
  }
  return {
    figures: `${rounds} rounds of SIGKILL during writes, ${acknowledged.length} acknowledged entries, ${acknowledged.length - found} lost or unfindable, ${lostConnections} writes cut by the kill (never acknowledged), integrity and FTS checks after every round: ${problems.some((p) => p.startsWith('after')) ? 'problems' : 'clean'}`,
    problems,
  };
});
