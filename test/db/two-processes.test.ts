import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryIds } from '../../scripts/reliability/lib/database-checks.ts';
import { raceSameBaseEdits } from '../../scripts/reliability/lib/race.ts';
import { prepareDatabase, signIn, startServer, type ServerProcess } from '../../scripts/reliability/lib/server-process.ts';

/** Two real server processes on one database file, as the README suggests for using both cores. */
describe('two server processes on one database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planb-two-'));
  const dbPath = join(dir, 'planb.db');
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    await prepareDatabase(dbPath);
    servers = await Promise.all([startServer(dbPath), startServer(dbPath)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves exactly one of two same-base edits; the other gets 409 with both versions; never a 5xx', async () => {
    const [a, b] = await Promise.all([signIn(servers[0]!.url), signIn(servers[1]!.url)]);
    const trials = [];
    for (let trial = 1; trial <= 20; trial++) trials.push(await raceSameBaseEdits(a, b, 'parcel-late-after-promised-date', trial));
    for (const t of trials) {
      expect(t.statuses.sort()).toEqual([201, 409]);
      expect(t.conflictShowsBoth).toBe(true);
      expect(t.winnerKept).toBe(true);
    }
    // Every save is in the history: 20 new revisions on top of the starter one.
    const history = await a.json('/api/entries/parcel-late-after-promised-date/revisions');
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('race 20');
  }, 180_000);

  it('keeps every concurrent write from both processes (feedback, flags, edits of different entries)', async () => {
    const [a, b] = await Promise.all([signIn(servers[0]!.url), signIn(servers[1]!.url)]);
    const ids = entryIds(dbPath).slice(0, 10);
    const writes = ids.flatMap((id, i) => [
      a.json(`/api/entries/${id}/flags`, { method: 'POST', body: { reason: 'unclear', comment: `from A ${i}` } }),
      b.json(`/api/entries/${id}/flags`, { method: 'POST', body: { reason: 'outdated', comment: `from B ${i}` } }),
      (i % 2 ? a : b).json(`/api/entries/${id}/helpful`, { method: 'POST', body: { helpful: true } }),
    ]);
    const statuses = (await Promise.all(writes)).map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s < 300)).toBe(true);
    const { body } = await b.json('/api/flags');
    const comments = JSON.stringify(body);
    for (let i = 0; i < ids.length; i++) {
      expect(comments).toContain(`from A ${i}`);
      expect(comments).toContain(`from B ${i}`);
    }
  }, 120_000);
});
