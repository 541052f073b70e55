import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_STATUSES, type EntryStatus } from '../../server/entries/entry.ts';
import { EntryIndex, TF, type IndexPolicy } from '../../server/search/index/entry-index.ts';
import { analyseQuery, type AnalysedQuery } from '../../server/search/query/query-analysis.ts';
import { words } from '../../server/search/query/query-terms.ts';
import { Synonyms } from '../../server/search/query/synonyms.ts';
import { stem, surfaceWord } from '../../server/search/query/text-analysis.ts';
import { gather } from '../../server/search/rank/candidates.ts';
import { rankEntries, UNVETTED_FACTOR } from '../../server/search/rank/rank-entries.ts';
import { score, withQuery } from '../../server/search/rank/relevance.ts';
import { CENTROID_WEIGHT, FIELD_WEIGHTS } from '../../server/search/rank/score-weights.ts';
import { visibleTo } from '../../server/search/results/visible-entries.ts';
import type { IndexedEntry } from '../../server/search/types.ts';

/**
 * The engine checked as its peers check theirs: over seeded random histories of puts, removals,
 * impact refreshes and compactions, the incremental index answers like a fresh build of the same
 * entries, and both answer like a slow scorer written from the definition of the score.
 */
const RUNS = { numRuns: 60, seed: 20261201 };
// Few words, so entries share them and scores tie and compete; stop words and a word every entry says.
const WORDS = ['parcel', 'late', 'refund', 'card', 'lost', 'delivery', 'charged', 'twice', 'address', 'changed', 'boat', 'voucher', 'gift', 'wrong', 'items', 'my', 'the', 'is'];
const IDS = Array.from({ length: 24 }, (_, i) => `entry-${i}`);
// Small thresholds, so short histories refresh partially and compact often.
const POLICY: IndexPolicy = { refreshShare: 0.2, compactAfter: 3 };
/** An entry put and removed again, to leave dead entry numbers. */
const PASSING: IndexedEntry = { id: 'passing', title: 'parcel', phrasings: [], tags: '', summary: '', body: '', status: 'vetted', kind: 'common', category: 'Delivery', categorySlug: 'delivery', language: 'en' };
const ALL_BUT_ARCHIVED: EntryStatus[] = ['vetted', 'in_review', 'draft'];

const text = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const entryArb: fc.Arbitrary<IndexedEntry> = fc.record({
  id: fc.constantFrom(...IDS),
  title: text(1, 4),
  phrasings: fc.array(text(1, 5), { maxLength: 3 }),
  tags: text(0, 2),
  summary: text(0, 6),
  body: text(0, 12),
  status: fc.constantFrom(...ENTRY_STATUSES),
}).map((e) => ({ ...e, kind: 'common' as const, category: 'Delivery', categorySlug: 'delivery', language: 'en' }));

// removeSoon: as the follower takes out a large batch; refresh: updateNorms after a batch, as the
// follower does; slice: a slice of background work (forgetting, compaction, full refresh).
type Operation = { put: IndexedEntry } | { remove: string } | { removeSoon: string } | { refresh: true } | { slice: number };
const operations = fc.array(
  fc.oneof(
    { arbitrary: entryArb.map((put): Operation => ({ put })), weight: 6 },
    { arbitrary: fc.constantFrom(...IDS).map((remove): Operation => ({ remove })), weight: 2 },
    { arbitrary: fc.constantFrom(...IDS).map((removeSoon): Operation => ({ removeSoon })), weight: 1 },
    { arbitrary: fc.constant<Operation>({ refresh: true }), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 4 }).map((slice): Operation => ({ slice })), weight: 2 },
  ),
  { minLength: 1, maxLength: 120 },
);
const queryArb = fc.record({ text: text(1, 4), limit: fc.integer({ min: 1, max: 10 }), agent: fc.boolean() });

/**
 * Applies the history as the follower does (impacts worked out after each batch, background work a
 * slice at a time in between), leaving any compaction or refresh under way; returns the live entries in index order.
 */
function replay(history: Operation[]): { index: EntryIndex; live: IndexedEntry[] } {
  const index = new EntryIndex(POLICY);
  const live = new Map<string, IndexedEntry>();
  for (const op of history) apply(index, live, op);
  index.updateNorms();
  return { index, live: [...live.values()] };
}

/** One operation on the index, and on the live entries (by id, in the order last put). */
function apply(index: EntryIndex, live: Map<string, IndexedEntry>, op: Operation): void {
  if ('put' in op) {
    index.put(op.put);
    live.delete(op.put.id);
    live.set(op.put.id, op.put);
  } else if ('remove' in op) {
    index.remove(op.remove);
    live.delete(op.remove);
  } else if ('removeSoon' in op) {
    index.removeSoon(op.removeSoon);
    live.delete(op.removeSoon);
  } else if ('slice' in op) index.maintain(op.slice);
  else index.updateNorms();
}

/** The background slices that take entries removed soon out of the word statistics, and nothing more. */
function forgetRemoved(index: EntryIndex): void {
  while (index.forgettingDue) index.maintain(1);
  index.updateNorms();
}

function fresh(live: IndexedEntry[]): EntryIndex {
  const index = new EntryIndex(POLICY);
  index.load(live);
  return index;
}

interface Query {
  analysed: AnalysedQuery;
  statuses: EntryStatus[];
  limit: number;
}

function queryOn(index: EntryIndex, { text, limit, agent }: { text: string; limit: number; agent: boolean }): Query {
  const statuses = agent ? ['vetted' as const] : ALL_BUT_ARCHIVED;
  return { analysed: analyseQuery(index, new Synonyms([]), text, statuses), statuses, limit };
}

/** The engine's answer as [id, score]. */
function ranked(index: EntryIndex, { analysed, statuses, limit }: Query): [string, number][] {
  return rankEntries(index, analysed, visibleTo(index, { statuses }), limit).ranked.map(({ no, score }) => [index.idOf(no), score]);
}

// ---- The slow scorer: from the entries' texts and the definition of the score, no index structures.

const termCounts = (text: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const word of words(text)) {
    const stemmed = stem(surfaceWord(word), 'en');
    counts.set(stemmed, (counts.get(stemmed) ?? 0) + 1);
  }
  return counts;
};

/** Every visible entry holding a meaningful query word, with its score, best first (ties by id). */
function exhaustive(index: EntryIndex, live: IndexedEntry[], { analysed, statuses }: Query): [string, number][] {
  const stemOf = new Map<number, string>();
  for (const entry of live) for (const t of [entry.title, ...entry.phrasings, entry.tags, entry.summary, entry.body]) {
    for (const s of termCounts(t).keys()) stemOf.set(index.featureId(s)!, s);
  }
  const df = new Map<string, number>();
  for (const entry of live) {
    const held = new Set([entry.title, ...entry.phrasings, entry.tags, entry.summary, entry.body].flatMap((t) => [...termCounts(t).keys()]));
    for (const s of held) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const idf = (s: string) => Math.log((live.length + 1) / ((df.get(s) ?? 0) + 1)) + 1;
  const length = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((sum, x) => sum + x * x, 0));
  const dot = (a: Map<string, number>, b: Map<string, number>) => [...a].reduce((sum, [s, x]) => sum + x * (b.get(s) ?? 0), 0);
  // The query: its weights × idf, of length 1.
  const query = new Map([...analysed.weights].map(([f, w]) => [stemOf.get(f) ?? `#${f}`, w * idf(stemOf.get(f) ?? `#${f}`)]));
  const queryLength = length(query);
  const meaningful = new Set([...analysed.meaningful].map((f) => stemOf.get(f)));
  const tfidf = (t: string) => new Map([...termCounts(t)].map(([s, n]) => [s, TF[Math.min(n, 255)]! * idf(s)]));
  const cosine = (v: Map<string, number>) => (length(v) ? dot(v, query) / queryLength / length(v) : 0);

  return live
    .filter((e) => statuses.includes(e.status))
    .filter((e) => [e.title, ...e.phrasings, e.tags, e.summary, e.body].some((t) => [...termCounts(t).keys()].some((s) => meaningful.has(s))))
    .map((e): [string, number] => {
      const examples = [e.title, ...e.phrasings].map(tfidf);
      const fields = [e.tags, e.summary, e.body].map(tfidf);
      const best = Math.max(0, ...examples.map(cosine), ...fields.map((v, k) => FIELD_WEIGHTS[k]! * cosine(v)));
      const centroid = new Map<string, number>();
      for (const v of examples) for (const [s, x] of v) centroid.set(s, (centroid.get(s) ?? 0) + x / length(v));
      const total = best + CENTROID_WEIGHT * cosine(centroid);
      return [e.id, total * (e.status === 'vetted' ? 1 : UNVETTED_FACTOR)];
    })
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The answer is a top `limit` of the truth: the same scores, each id scored as the truth scores it. */
function expectTopOf(answer: [string, number][], truth: [string, number][], limit: number) {
  const truthOf = new Map(truth);
  expect(answer.map(([, s]) => s)).toEqual(truth.slice(0, limit).map(([, s]) => expect.closeTo(s, 6)));
  for (const [id, s] of answer) expect(truthOf.get(id)).toBeCloseTo(s, 6);
}

describe('the search engine, over seeded random histories', () => {
  it('answers after puts, removals, partial refreshes and compactions as a fresh build does, and as the slow scorer does', () => {
    fc.assert(
      fc.property(operations, fc.array(queryArb, { minLength: 1, maxLength: 4 }), (history, queries) => {
        const { index, live } = replay(history);
        forgetRemoved(index);
        const rebuilt = fresh(live);
        expect([...index.live()].map((no) => index.idOf(no))).toEqual(live.map((e) => e.id));
        for (const q of queries) {
          const truth = exhaustive(rebuilt, live, queryOn(rebuilt, q));
          const incremental = queryOn(index, q);
          expect(rankEntries(index, incremental.analysed, visibleTo(index, incremental), q.limit).total).toBe(truth.length);
          expectTopOf(ranked(index, incremental), truth, q.limit);
          expectTopOf(ranked(rebuilt, queryOn(rebuilt, q)), truth, q.limit);
        }
      }),
      RUNS,
    );
  });

  it('takes a batch removed soon out of results and suggestions at once, and scores as a fresh build once it is forgotten', () => {
    fc.assert(
      fc.property(operations, fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1 }), fc.array(queryArb, { minLength: 1, maxLength: 4 }), (history, batch, queries) => {
        const { index, live } = replay(history);
        const current = new Map(live.map((e) => [e.id, e]));
        for (const id of batch) apply(index, current, { removeSoon: id });
        const entries = [...current.values()];
        const rebuilt = fresh(entries);
        for (const statuses of [['vetted' as const], ALL_BUT_ARCHIVED]) {
          const words = (i: EntryIndex) => WORDS.filter((w) => i.vocabulary.seenBy(statuses).has(w));
          expect(words(index)).toEqual(words(rebuilt));
        }
        for (const q of queries) {
          const truth = exhaustive(rebuilt, entries, queryOn(rebuilt, q));
          const query = queryOn(index, q);
          expect(rankEntries(index, query.analysed, visibleTo(index, query), q.limit).total).toBe(truth.length);
          for (const [id] of ranked(index, query)) expect(current.has(id)).toBe(true);
        }
        forgetRemoved(index);
        for (const q of queries) expectTopOf(ranked(index, queryOn(index, q)), exhaustive(rebuilt, entries, queryOn(rebuilt, q)), q.limit);
      }),
      RUNS,
    );
  });

  it('ranks by bounds exactly as scoring every candidate would, on larger knowledge bases', () => {
    const many = fc.uniqueArray(entryArb, { selector: (e) => e.id, minLength: 10, maxLength: IDS.length });
    const queries = fc.array(fc.record({ text: text(2, 6), limit: fc.integer({ min: 1, max: 3 }), agent: fc.boolean() }), { minLength: 5, maxLength: 10 });
    fc.assert(
      fc.property(many, queries, (entries, qs) => {
        const index = fresh(entries);
        for (const q of qs) expectTopOf(ranked(index, queryOn(index, q)), exhaustive(index, entries, queryOn(index, q)), q.limit);
      }),
      { ...RUNS, numRuns: 25 },
    );
  });

  it("bounds every candidate's score once the impacts are refreshed, so ranking may stop early or pass over a candidate", () => {
    fc.assert(
      fc.property(operations, fc.array(queryArb, { minLength: 1, maxLength: 4 }), (history, queries) => {
        const { index } = replay(history);
        // The refresh policy: once refreshShare of the entries changed, every impact is worked out again.
        const refresher: IndexedEntry = { id: 'refresher', title: 'parcel', phrasings: [], tags: '', summary: '', body: '', status: 'vetted', kind: 'common', category: 'Delivery', categorySlug: 'delivery', language: 'en' };
        for (let i = 0; i < IDS.length * POLICY.refreshShare + 1; i++) index.put(refresher);
        index.remove('refresher');
        index.updateNorms();
        index.maintainFully();
        expect(index.impactsExact).toBe(true);
        for (const q of queries) {
          const { analysed, statuses } = queryOn(index, q);
          withQuery(index, analysed.weights, (vector) => {
            const { found, bounds, couldReach } = gather(index, vector, analysed.meaningful, visibleTo(index, { statuses }));
            found.forEach((no, i) => {
              const exact = score(index, no, vector);
              expect(bounds[i]! * (1 + 1e-6)).toBeGreaterThanOrEqual(exact);
              // Words not gathered (stop words here) looked up on the entry never rule out the score it has.
              expect(couldReach(i, exact)).toBe(true);
            });
          });
        }
      }),
      RUNS,
    );
  });

  it('answers as a fresh build does between every slice of a compaction and of the refresh after it, with changes in between', () => {
    // More than the at most two changes between slices, so the compaction ends.
    const SLICE = 3;
    const changeArb = fc.oneof(
      { arbitrary: entryArb.map((put): Operation => ({ put })), weight: 1 },
      { arbitrary: fc.constantFrom(...IDS).map((remove): Operation => ({ remove })), weight: 3 },
    );
    fc.assert(
      fc.property(operations, fc.array(fc.array(changeArb, { maxLength: 2 }), { minLength: 1, maxLength: 20 }), fc.array(queryArb, { minLength: 1, maxLength: 3 }), (history, between, queries) => {
        const { index, live } = replay(history);
        const current = new Map(live.map((e) => [e.id, e]));
        const change = (op: Operation) => apply(index, current, op);
        // Entries put and removed again: dead numbers outnumber live ones, so a compaction is due,
        // and the live entries come first, so changes between slices meet entries already copied.
        for (let i = 0; i <= 2 * live.length + POLICY.compactAfter; i++) {
          change({ put: { ...PASSING, id: `passing-${i}` } });
          change({ remove: `passing-${i}` });
        }
        index.updateNorms();
        const numbers = index.numbers;
        const generation = index.generation;
        let slices = 0;
        let swappedAfter = 0;
        for (let more = true; more; ) {
          more = index.maintain(SLICE);
          slices++;
          if (!swappedAfter && index.generation > generation) swappedAfter = slices;
          // Changes land between the slices of the compaction, as requests do between setImmediate steps.
          if (!swappedAfter) for (const op of between[slices % between.length]!) change(op);
          index.updateNorms();
          const entries = [...current.values()];
          const rebuilt = fresh(entries);
          for (const q of queries) {
            const truth = exhaustive(rebuilt, entries, queryOn(rebuilt, q));
            const query = queryOn(index, q);
            expect(rankEntries(index, query.analysed, visibleTo(index, query), q.limit).total).toBe(truth.length);
            expectTopOf(ranked(index, query), truth, q.limit);
          }
        }
        // A slice copies at most SLICE entry numbers, so the compaction took at least numbers / SLICE slices.
        expect(swappedAfter).toBeGreaterThanOrEqual(numbers / SLICE);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('never returns an entry the reader may not see', () => {
    fc.assert(
      fc.property(operations, fc.array(queryArb, { minLength: 1, maxLength: 4 }), (history, queries) => {
        const { index } = replay(history);
        for (const q of queries) {
          const query = queryOn(index, q);
          for (const [id] of ranked(index, query)) {
            const status = index.statusOf(index.numberOf(id)!);
            expect(query.statuses).toContain(status);
            if (q.agent) expect(status).toBe('vetted');
          }
        }
      }),
      RUNS,
    );
  });
});
