import type { EntryIndex } from '../index/entry-index.ts';
import type { LexicalRanking, RankedEntries } from '../rank/rank-entries.ts';
import type { EntryVectors } from './entry-vectors.ts';
import { BY_MEANING, MIN_MEANING, MODEL_LANGUAGE, SCAN_LIMIT, type FusionWeights } from './fusion.ts';
import { cosine, DIMENSIONS } from './vector-math.ts';

/** The entry classifier's log-probability for an entry, if it knows the entry. */
export type ClassifierScores = (id: string) => number | undefined;

/**
 * The lexical candidates, and on small indexes the visible entries closest in meaning, ordered by
 * the fusion, unless the best match by words is in a language the model does not speak. Only
 * visible entries are ever added. Entries still waiting for vectors get the average meaning score
 * of the others, and entries the classifier does not know (drafts, entries saved since it was
 * trained) its average score, so a backlog neither buries nor lifts them.
 */
export function rerank(vectors: EntryVectors, query: Int8Array, weights: FusionWeights, lexical: LexicalRanking, classifier: ClassifierScores | null): RankedEntries {
  const { index, visible, scoreOf, statusFactor } = lexical;
  const first = lexical.ranked[0];
  if (first && index.languageOf(first.no) !== MODEL_LANGUAGE) {
    return { ranked: lexical.ranked.slice(0, lexical.limit), total: lexical.total };
  }
  const pool = new Map(lexical.ranked.map((r) => [r.no, r.score]));
  let total = lexical.total;
  if (index.size <= SCAN_LIMIT) {
    for (const no of closestInMeaning(vectors, query, index, visible)) {
      if (pool.has(no)) continue;
      const score = scoreOf(no);
      pool.set(no, score);
      if (!score) total++;
    }
  }
  const top = Math.max(...pool.values()) || 1;
  const meaning = new Map<number, number>();
  for (const no of pool.keys()) {
    const texts = vectors.textVectorsOf(index.idOf(no));
    const centre = vectors.centroidOf(index.idOf(no));
    if (!texts || !centre) continue;
    let best = 0;
    for (let t = 0; t < texts.length / DIMENSIONS; t++) best = Math.max(best, cosine(query, 0, texts, t));
    meaning.set(no, weights.best * best + weights.centroid * cosine(query, 0, centre, 0));
  }
  const classified = new Map<number, number>();
  if (classifier && weights.classifier) {
    for (const no of pool.keys()) {
      const score = classifier(index.idOf(no));
      if (score !== undefined) classified.set(no, weights.classifier * score);
    }
  }
  const average = mean(meaning);
  const classifiedAverage = mean(classified);
  const ranked = [...pool].map(([no, score]) => ({
    no,
    score: weights.lexical * (score / top) + statusFactor(no) * (meaning.get(no) ?? average) + (classified.get(no) ?? classifiedAverage),
  }));
  return { ranked: ranked.sort((a, b) => b.score - a.score).slice(0, lexical.limit), total };
}

function mean(values: Map<number, number>): number {
  return values.size ? [...values.values()].reduce((a, b) => a + b, 0) / values.size : 0;
}

/** The visible entries whose centroid is closest to the query (a scan: small indexes only). */
function closestInMeaning(vectors: EntryVectors, query: Int8Array, index: EntryIndex, visible: (no: number) => boolean): number[] {
  const close: [number, number][] = [];
  for (const no of index.live()) {
    if (!visible(no)) continue;
    const centre = vectors.centroidOf(index.idOf(no));
    const similarity = centre ? cosine(query, 0, centre, 0) : 0;
    if (similarity >= MIN_MEANING) close.push([no, similarity]);
  }
  return close
    .sort((a, b) => b[1] - a[1])
    .slice(0, BY_MEANING)
    .map(([no]) => no);
}
