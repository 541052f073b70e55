import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { findInEntries } from '../../server/search/find/find-in-entries.ts';
import { makeEntry } from '../support/entries.ts';

describe('npm run reindex', () => {
  it('rebuilds an emptied full-text index from the entries', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'planb-reindex-')), 'plan-b.db');
    const db = openDatabase(dbPath);
    migrate(db);
    saveEntry(db, makeEntry({ id: 'late-parcel', title: 'Parcel out for delivery since Monday' }), { author: 'amara', summary: 'New' });
    db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('delete-all')").run();
    expect(findInEntries(db, '"out for delivery"').total).toBe(0);

    const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/reindex.ts'], { cwd: join(import.meta.dirname, '..', '..'), env: { ...process.env, DB_PATH: dbPath }, encoding: 'utf8' });
    expect(output).toContain('Search index built: 1 entries');
    expect(findInEntries(db, '"out for delivery"').entries.map((e) => e.id)).toEqual(['late-parcel']);
    db.close();
  });
});
