import type { Db } from '../db/connection.ts';
import { followDatabase } from './index/index-follower.ts';
import { analyseQuery, didYouMean } from './query/query-analysis.ts';
import { rankEntries } from './rank/rank-entries.ts';
import { hitsOf } from './results/search-hits.ts';
import type { Search } from './types.ts';
import type { EntryIndex } from './index/entry-index.ts';
import { entriesSaying, quotedPhrases } from './query/quoted-phrases.ts';
import { VISIBLE_BY_DEFAULT } from './results/visible-entries.ts';
import { coverage } from './results/coverage.ts';
import { FUSION_WITHOUT_CLASSIFIER, RERANKED } from './meaning/fusion.ts';
import { Meaning, type MeaningOptions } from './meaning/meaning.ts';
import { rerank } from './meaning/rerank.ts';
import type { Rerank } from './rank/rank-entries.ts';
import { translationGroups } from './results/translation-groups.ts';

export function createSearch(db: Db, options: MeaningOptions = {}): Search {
  const follower = followDatabase(db);
  const meaning = new Meaning(db, options);

  return {
    meaning,
    async settled(query, filters) {
      return this.search(query, filters, await meaning.vectorOf(query));
    },
    search(query, filters = {}, queryVector = null) {
      const started = performance.now();
      const { index, synonyms } = follower.current();
      const statuses = filters.statuses ?? VISIBLE_BY_DEFAULT;
      const analysed = analyseQuery(index, synonyms, query, statuses);
      const groups = translationGroups(db, index, filters);
      const { ranked, total } = rankEntries(index, analysed, saying(db, index, groups.visible, query), filters.limit ?? 10, {
        then: queryVector && meaning.entries ? byMeaning(meaning, queryVector) : undefined,
        count: groups.count,
      });
      const results = hitsOf(db, index, groups.onePerGroup(ranked), analysed.highlight).map(({ no, hit }) => ({
        ...hit,
        coverage: coverage(index, no, analysed.words),
      }));
      return {
        query,
        total,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        results,
        didYouMean: total ? null : didYouMean(index, query, statuses),
      };
    },
    idle: () => follower.idle(),
  };
}

/** The fusion with meaning, after the lexical ranking of a settled query. */
function byMeaning(meaning: Meaning, queryVector: Int8Array): Rerank {
  const classifier = meaning.classifier?.scoresFor(queryVector) ?? null;
  const weights = classifier ? meaning.weights : FUSION_WITHOUT_CLASSIFIER;
  return { pool: RERANKED, rerank: (lexical) => rerank(meaning.entries!, queryVector, weights, lexical, classifier) };
}

/** The entries a search may return: those `visible` and, if the query quotes phrases, saying them. */
function saying(db: Db, index: EntryIndex, visible: (no: number) => boolean, query: string): (no: number) => boolean {
  const phrases = quotedPhrases(query);
  if (!phrases.length) return visible;
  const saying = entriesSaying(db, phrases);
  return (no) => visible(no) && saying.has(index.idOf(no));
}

export type { Search, SearchFilters, SearchHit, SearchResults } from './types.ts';
