// npm run bench:cross-language: customers' questions in one language, entries in another. A small
// labelled set (cross-language/queries.tsv: Italian and Russian questions answered by English
// entries, English questions answered by the Italian ones, and same-language controls) over the
// starter knowledge base, by words alone and by words and meaning. Search shows one entry per
// translation group (in the language of the query's best match, or of the `lang` filter), so a
// result counts when it is an expected entry or one of its translations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importContent } from '../../server/content/import-content.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { modelFromEnv } from '../../server/search/meaning/model-folder.ts';
import { createSearch } from '../../server/search/search.ts';
import { markdownTable } from './table.ts';
import { loadCachedVectors, queryVectors, saveCachedVectors } from './vector-cache.ts';

const rows = readFileSync(join(import.meta.dirname, 'cross-language', 'queries.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [query, expected, kind] = line.split('\t');
    return { query: query!, expected: expected!.split('|'), kind: kind! };
  });

const db = openDatabase(':memory:');
migrate(db);
importContent(db, { entriesDir: join(import.meta.dirname, '..', '..', 'content', 'entries') });
const model = modelFromEnv('')!;
loadCachedVectors(db);
const search = createSearch(db, { model });
await search.meaning.settled();
saveCachedVectors(db);
const vectors = await queryVectors(model, rows.map((r) => r.query));

const groupOf = (id: string) => db.prepare('SELECT coalesce(translation_of, id) FROM entries WHERE id = ?').pluck().get(id) as string | undefined;
const engines = {
  'words': (q: string) => search.search(q).results.map((r) => r.id),
  'words + meaning': (q: string) => search.search(q, {}, vectors.get(q)).results.map((r) => r.id),
};
const table: string[][] = [];
for (const kind of [...new Set(rows.map((r) => r.kind)), 'all']) {
  const set = rows.filter((r) => kind === 'all' || r.kind === kind);
  for (const [name, rank] of Object.entries(engines)) {
    const at = set.map(({ query, expected }) => {
      const groups = new Set(expected.map(groupOf));
      return rank(query).findIndex((id) => groups.has(groupOf(id)));
    });
    const share = (n: number) => `${at.filter((a) => a >= 0 && a < n).length} / ${set.length}`;
    table.push([kind, name, share(1), share(3)]);
  }
}
console.log(markdownTable(['queries', 'search', 'top-1', 'top-3'], table));
await search.meaning.close();
