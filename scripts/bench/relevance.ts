// npm run bench:relevance: Plan B beside its peers on the BANKING77 dev queries and derived variants.
import { modelFromEnv } from '../../server/search/meaning/model-folder.ts';
import { createSearch } from '../../server/search/search.ts';
import { banking77Database, devQueries } from './bench-data.ts';
import { accuracy, fit, signalsOf } from './fit-fusion.ts';
import { relevance } from './metrics.ts';
import { PEERS, type Engine } from './peers.ts';
import { querySets } from './query-variants.ts';
import { writeReadmeSection } from './readme-section.ts';
import { markdownTable } from './table.ts';
import { loadCachedVectors, queryVectors, saveCachedVectors } from './vector-cache.ts';

const { db, entries } = banking77Database();
const docs = entries.map((e) => ({
  id: e.id,
  title: e.title,
  phrasings: e.phrasings.join('\n'),
  body: [e.tags.join(' '), e.summary, ...e.solutions.map((o) => `${o.title} ${o.body}`)].join('\n'),
}));
const planB = createSearch(db, { model: null });
// Plan B with meaning: the entry vectors as the server computes them; the queries' vectors encoded
// up front in batches (the server encodes each settled query as it comes).
const model = modelFromEnv('')!;
loadCachedVectors(db);
const withMeaning = createSearch(db, { model });
await withMeaning.meaning.settled();
saveCachedVectors(db);
const sets = querySets(devQueries());
const vectors = await queryVectors(model, sets.flatMap((set) => set.queries.map((q) => q.query)));
const MEANING = '**Plan B + meaning**';
const engines: Engine[] = [
  { name: '**Plan B**', rank: (query) => planB.search(query).results.map((r) => r.id) },
  { name: MEANING, rank: (query) => withMeaning.search(query, {}, vectors.get(query)).results.map((r) => r.id) },
  ...(await Promise.all(PEERS.map((peer) => peer(docs, db)))),
];

const pct = (x: number) => x.toFixed(3);
const rows: string[][] = [];
for (const set of sets) {
  for (const engine of engines) {
    const r = await relevance(engine.rank, set.queries);
    rows.push([set.name, engine.name, pct(r.top1), pct(r.top5), pct(r.mrr10)]);
  }
}
// Generalisation check: the two halves of the dev queries should agree. The fusion weights were
// fitted on the even lines: the odd lines are held out.
const [even, odd] = [0, 1].map((h) => sets[0]!.queries.filter((_, i) => i % 2 === h));
for (const [name, half] of [['dev, even lines', even!], ['dev, odd lines', odd!]] as const) {
  for (const engine of engines.slice(0, 2)) {
    const r = await relevance(engine.rank, half);
    rows.push([engine.name === MEANING ? `${name}${half === even ? ' (fitted)' : ' (held out)'}` : name, engine.name, pct(r.top1), pct(r.top5), pct(r.mrr10)]);
  }
}
// The fit itself, both ways round (prints the weights to put in server/search/meaning/fusion.ts):
// on one half of every query set (dev and its variants), read on the other half of the dev queries.
const halvesOf = (h: number) => sets.map((set) => signalsOf(withMeaning, set.queries.filter((_, i) => i % 2 === h), vectors));
const [evenSignals, oddSignals] = [halvesOf(0), halvesOf(1)];
for (const [fitted, held, name] of [[evenSignals, oddSignals, 'even → odd'], [oddSignals, evenSignals, 'odd → even']] as const) {
  const weights = fit(fitted[0]!, fitted.slice(1));
  const on = (signals: typeof fitted) => signals.map((set) => accuracy(set, weights).top1.toFixed(3)).join(' / ');
  console.error(`fusion fitted on ${name}: ${JSON.stringify(weights)}; top-1 (dev / typo / keywords / cut) fitted ${on(fitted)}, held out ${on(held)}`);
}
await withMeaning.meaning.close();

const table = markdownTable(['query set', 'engine', 'top-1', 'top-5', 'MRR@10'], rows);
console.log(table);
if (process.argv.includes('--write-readme')) writeReadmeSection('bench-relevance', table);
