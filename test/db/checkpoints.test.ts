import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../server/db/checkpoints.ts';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { makeEntry } from '../support/entries.ts';

// A checkpoint copies the write-ahead log into the database file: only then does the file grow.
let dir: string;
let db: Db;
let stop: () => Promise<number>;
afterEach(async () => {
  await stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A database whose log has just been copied in; returns the file's path. */
function freshFile(): string {
  dir = mkdtempSync(join(tmpdir(), 'planb-'));
  const path = join(dir, 'kb.db');
  db = openDatabase(path);
  migrate(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return path;
}

/** Writes well over the 1,000 pages (4 MB) after which a commit would copy the log itself. */
function writeMegabytes(): void {
  const body = 'Offer the customer a replacement card and explain the timeline. '.repeat(250);
  for (let i = 0; i < 250; i++) {
    saveEntry(db, makeEntry({ id: `card-${i}`, title: `Replacement card ${i}`, solutions: [{ title: 'Send a new card', body }] }), { author: 't', summary: 't' });
  }
}

describe('checkpoints while the server runs', () => {
  it('are never run by a commit of the server connection', async () => {
    const path = freshFile();
    stop = checkpointInBackground(db, 60_000);
    const before = statSync(path).size;
    writeMegabytes();
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(4 * 2 ** 20);
    expect(statSync(path).size).toBe(before);
  });

  it('are run in the background, by a worker with its own connection', async () => {
    const path = freshFile();
    stop = checkpointInBackground(db, 50);
    const before = statSync(path).size;
    writeMegabytes();
    const copied = () => statSync(path).size > before + 4 * 2 ** 20;
    for (let waited = 0; !copied() && waited < 10_000; waited += 50) await sleep(50);
    expect(copied()).toBe(true);
  });
});
