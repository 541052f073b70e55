// npm run bench:relevance: Plan B beside its peers on the BANKING77 dev queries and derived variants.
import { createSearch } from '../../server/search/search.ts';
import { banking77Database, devQueries } from './bench-data.ts';
import { relevance } from './metrics.ts';
import { PEERS, type Engine } from './peers.ts';
import { querySets } from './query-variants.ts';
import { writeReadmeSection } from './readme-section.ts';
import { markdownTable } from './table.ts';

const { db, entries } = banking77Database();
const docs = entries.map((e) => ({
  id: e.id,
  title: e.title,
  phrasings: e.phrasings.join('\n'),
  body: [e.tags.join(' '), e.summary, ...e.solutions.map((o) => `${o.title} ${o.body}`)].join('\n'),
}));
const planB = createSearch(db);
const engines: Engine[] = [
  { name: '**Plan B**', rank: (query) => planB.search(query).results.map((r) => r.id) },
  ...(await Promise.all(PEERS.map((peer) => peer(docs, db)))),
];

const sets = querySets(devQueries());
const pct = (x: number) => x.toFixed(3);
const rows: string[][] = [];
for (const set of sets) {
  for (const engine of engines) {
    const r = await relevance(engine.rank, set.queries);
    rows.push([set.name, engine.name, pct(r.top1), pct(r.top5), pct(r.mrr10)]);
  }
}
// Generalisation check: the two halves of the dev queries should agree.
const [even, odd] = [0, 1].map((h) => sets[0]!.queries.filter((_, i) => i % 2 === h));
for (const [name, half] of [['dev, even lines', even!], ['dev, odd lines', odd!]] as const) {
  const r = await relevance(engines[0]!.rank, half);
  rows.push([name, engines[0]!.name, pct(r.top1), pct(r.top5), pct(r.mrr10)]);
}

const table = markdownTable(['query set', 'engine', 'top-1', 'top-5', 'MRR@10'], rows);
console.log(table);
if (process.argv.includes('--write-readme')) writeReadmeSection('bench-relevance', table);
