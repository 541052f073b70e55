import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, entryIds, problemsIn, rowCounts } from '../../scripts/reliability/lib/database-checks.ts';
import { prepareDatabase, runScript, signIn, startScript, startServer, type ServerProcess } from '../../scripts/reliability/lib/server-process.ts';
import { flagWriter } from '../../scripts/reliability/lib/writer.ts';

const until = async (done: () => boolean, what: string) => {
  for (let waited = 0; !done(); waited += 100) {
    if (waited > 30_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('backup, restore and replication while a server writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planb-backup-'));
  const dbPath = join(dir, 'live.db');
  let server: ServerProcess;

  beforeAll(async () => {
    await prepareDatabase(dbPath, [{ name: 'lead', role: 'lead' }, { name: 'amara', role: 'agent' }]);
    server = await startServer(dbPath);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a backup taken mid-write holds every write acknowledged before it, and restores into a ready database', async () => {
    const writer = flagWriter(await signIn(server.url), entryIds(dbPath), 'before-backup').start();
    await until(() => writer.acknowledged.length >= 20, 'the first writes');
    const acknowledgedBefore = [...writer.acknowledged];
    const backup = await runScript('backup', [join(dir, 'backup.db')], { DB_PATH: dbPath });
    await writer.stop();
    expect(backup.code).toBe(0);
    expect(backup.output).toMatch(/Backed up .* \d+ entries, \d+ revisions, 2 users/);
    expect(writer.serverErrors).toEqual([]);

    const restoredPath = join(dir, 'restored.db');
    const restore = await runScript('restore', [join(dir, 'backup.db')], { DB_PATH: restoredPath });
    expect(restore.code).toBe(0);
    expect(problemsIn(restoredPath)).toEqual([]);
    const restoredFlags = column(restoredPath, 'SELECT comment FROM flags');
    expect(acknowledgedBefore.filter((c) => !restoredFlags.includes(c))).toEqual([]);
    const copied = rowCounts(restoredPath);
    expect(copied.users).toBe(2);
    expect(copied.revisions).toBe(copied.entries); // the starter revisions, one per entry
    expect(copied.search_log).toBe(rowCounts(join(dir, 'backup.db')).search_log);
    expect(column(restoredPath, "SELECT subject FROM audit_log WHERE action = 'restore'")).toEqual([join(dir, 'backup.db')]);

    // The restored database serves: sign in with the backed-up account, read an entry.
    const restored = await startServer(restoredPath);
    try {
      const lead = await signIn(restored.url);
      expect((await lead.json(`/api/entries/${entryIds(restoredPath)[0]}`)).status).toBe(200);
    } finally {
      await restored.stop();
    }
  }, 120_000);

  it('restore refuses to overwrite a database without --force, and refuses a file that is not a backup', async () => {
    const backupFile = join(dir, 'backup-2.db');
    expect((await runScript('backup', [backupFile], { DB_PATH: dbPath })).code).toBe(0);
    const again = await runScript('backup', [backupFile], { DB_PATH: dbPath });
    expect(again.code).toBe(1);
    expect(again.output).toContain('already exists');

    const refused = await runScript('restore', [backupFile], { DB_PATH: dbPath });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--force');

    const target = join(dir, 'target.db');
    expect((await runScript('restore', [backupFile], { DB_PATH: target })).code).toBe(0);
    const forced = await runScript('restore', [backupFile, '--force'], { DB_PATH: target });
    expect(forced.code).toBe(0);
    expect(problemsIn(target)).toEqual([]);

    const notABackup = await runScript('restore', ['package.json'], { DB_PATH: join(dir, 'never.db') });
    expect(notABackup.code).toBe(1);
    expect(notABackup.output).toContain('is not a Plan B backup');
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  }, 120_000);

  it('Litestream replicates to a folder while the server writes; restoring the replica keeps every acknowledged write', async () => {
    const replica = join(dir, 'replica');
    const litestream = startScript('replicate', [replica], { DB_PATH: dbPath });
    let log = '';
    litestream.stdout!.on('data', (chunk) => (log += chunk));
    litestream.stderr!.on('data', (chunk) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => litestream.once('exit', resolve));
    await until(() => log.includes('snapshot written'), 'the first Litestream snapshot');

    const writer = flagWriter(await signIn(server.url), entryIds(dbPath), 'replicated').start();
    await until(() => writer.acknowledged.length >= 40, 'writes during replication');
    await writer.stop();
    // Litestream ships the WAL every second and once more when it stops.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    litestream.kill('SIGTERM');
    expect(await exited).toBe(0);

    const restoredPath = join(dir, 'from-replica.db');
    const restore = await runScript('restore', ['--replica', replica], { DB_PATH: restoredPath });
    expect(restore.code, restore.output).toBe(0);
    expect(problemsIn(restoredPath)).toEqual([]);
    const flags = column(restoredPath, "SELECT comment FROM flags WHERE comment LIKE 'replicated %'");
    expect(writer.acknowledged.filter((c) => !flags.includes(c))).toEqual([]);
    expect(writer.serverErrors).toEqual([]);
  }, 120_000);
});
