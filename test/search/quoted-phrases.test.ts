import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { quotedPhrases } from '../../server/search/query/quoted-phrases.ts';
import { startSeededApp, type RunningApp } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';

let db: Db;
let app: RunningApp;
beforeAll(async () => {
  ({ db, app } = await startSeededApp({ readAccess: 'open' }));
  saveEntry(db, makeEntry({ id: 'tracking-says-out', title: 'Tracking says out for delivery but nothing came', summary: 'The van is on its way.' }), { author: 'amara', summary: 'New' });
  saveEntry(db, makeEntry({ id: 'remote-delivery', title: 'Delivery to remote islands', summary: 'We ask for a surcharge for delivery out there.' }), { author: 'amara', summary: 'New' });
});
afterAll(() => app.close());

const ids = async (q: string) => ((await app.json(`/api/search?q=${encodeURIComponent(q)}`)).body.results as { id: string }[]).map((r) => r.id);

describe('quoted phrases', () => {
  it('find only entries saying the phrase word for word', async () => {
    expect(await ids('out for delivery')).toEqual(expect.arrayContaining(['tracking-says-out', 'remote-delivery']));
    expect(await ids('"out for delivery"')).toEqual(['tracking-says-out']);
    expect(await ids('"delivery out" surcharge')).toEqual(['remote-delivery']);
    expect(await ids('"delivery out" "nothing came"')).toEqual([]);
  });

  it('pass no user text to FTS5 as syntax', async () => {
    expect(quotedPhrases('"out* for" NEAR "col:umn ^x" "" "(" "a""b"')).toEqual(['"out for"', '"col umn x"', '"a"', '"b"']);
    for (const q of ['"out for" OR "x', '"NEAR(out delivery)"', '"col:umn*"', '"^start"', '"-"', '"a" AND "b" NOT "c"', '"\u0000"']) {
      const { status } = await app.json(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
    }
  });
});
