// npm run check:backup -- [--backups 5]: two server processes write flags without pause while
// `npm run backup` runs again and again, and `npm run replicate` streams the WAL to a folder.
// Every restored backup must hold every write acknowledged before it started, and the database
// restored from the replica every write acknowledged before replication stopped.
import { join } from 'node:path';
import { numberFlags, runCheck } from './lib/check.ts';
import { column, entryIds, problemsIn } from './lib/database-checks.ts';
import { prepareDatabase, runScript, signIn, startScript, startServer } from './lib/server-process.ts';
import { flagWriter } from './lib/writer.ts';

const { backups } = numberFlags({ backups: 5 });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await runCheck('backup', async (dir) => {
  const dbPath = join(dir, 'live.db');
  await prepareDatabase(dbPath);
  const replica = join(dir, 'replica');
  const litestream = startScript('replicate', [replica], { DB_PATH: dbPath });
  const replicationEnded = new Promise<number | null>((resolve) => litestream.once('exit', resolve));
  const servers = await Promise.all([startServer(dbPath), startServer(dbPath)]);
  const problems: string[] = [];
  const ids = entryIds(dbPath);
  const writers = await Promise.all(servers.map(async (s, i) => flagWriter(await signIn(s.url), ids, `server${i + 1}`).start()));
  const acknowledged = () => writers.flatMap((w) => w.acknowledged);
  let checkedWrites = 0;
  try {
    for (let n = 1; n <= backups; n++) {
      await pause(1_000);
      const before = acknowledged();
      const file = join(dir, `backup-${n}.db`);
      const backup = await runScript('backup', [file], { DB_PATH: dbPath });
      if (backup.code !== 0) problems.push(`backup ${n} failed: ${backup.output}`);
      const restoredPath = join(dir, `restored-${n}.db`);
      const restore = await runScript('restore', [file], { DB_PATH: restoredPath });
      if (restore.code !== 0) problems.push(`restore ${n} failed: ${restore.output}`);
      problems.push(...problemsIn(restoredPath).map((p) => `restored backup ${n}: ${p}`));
      const flags = new Set(column(restoredPath, 'SELECT comment FROM flags'));
      const missing = before.filter((c) => !flags.has(c));
      problems.push(...missing.map((c) => `backup ${n} lost the acknowledged write "${c}"`));
      checkedWrites += before.length;
    }
  } finally {
    await Promise.all(writers.map((w) => w.stop()));
    await Promise.all(servers.map((s) => s.stop()));
  }
  problems.push(...writers.flatMap((w) => w.serverErrors.map((s) => `HTTP ${s} while writing`)));

  await pause(2_500); // Litestream ships the WAL every second, and once more when it stops
  litestream.kill('SIGTERM');
  if ((await replicationEnded) !== 0) problems.push('npm run replicate did not stop cleanly');
  const fromReplica = join(dir, 'from-replica.db');
  const restore = await runScript('restore', ['--replica', replica], { DB_PATH: fromReplica });
  if (restore.code !== 0) problems.push(`restore from the replica failed: ${restore.output}`);
  problems.push(...problemsIn(fromReplica).map((p) => `restored replica: ${p}`));
  const replicated = new Set(column(fromReplica, 'SELECT comment FROM flags'));
  const lostByReplica = acknowledged().filter((c) => !replicated.has(c));
  problems.push(...lostByReplica.map((c) => `the replica lost the acknowledged write "${c}"`));

  return {
    figures:
      `${backups} backups while 2 processes wrote ${acknowledged().length} flags: ${checkedWrites} acknowledged-before-backup writes checked, ` +
      `${problems.filter((p) => p.includes('backup') && p.includes('lost')).length} lost; replica restored: ${acknowledged().length - lostByReplica.length} of ${acknowledged().length} acknowledged writes present`,
    problems,
  };
});
