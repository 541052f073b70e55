/** The search module's types, in one place so its parts need not import each other for them. */
import type { EntryKind, EntryStatus } from '../entries/entry.ts';
import type { Meaning } from './meaning/meaning.ts';

/** What the index reads of an entry. Its texts are turned into features and not kept in memory. */
export interface IndexedEntry {
  id: string;
  title: string;
  kind: EntryKind;
  category: string;
  categorySlug: string;
  language: string;
  status: EntryStatus;
  phrasings: string[];
  tags: string;
  summary: string;
  body: string;
}

export interface SearchFilters {
  /** Category name or slug. */
  category?: string;
  kind?: EntryKind;
  language?: string;
  /** The statuses the reader may see; by default all but archived. */
  statuses?: readonly EntryStatus[];
  limit?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  kind: EntryKind;
  isUnusual: boolean;
  category: string;
  categorySlug: string;
  status: EntryStatus;
  isVetted: boolean;
  score: number;
  /** The share of the query's meaningful words the entry holds (results/coverage.ts), 0–1. */
  coverage: number;
  /** Safe HTML: the best passage with the matched words in <mark>. */
  snippet: string;
  /** Safe HTML: the title with the matched words in <mark>. */
  titleHtml: string;
  url: string;
}

export interface SearchResults {
  query: string;
  total: number;
  tookMs: number;
  results: SearchHit[];
  /** On no results: the query with its unknown words corrected, when that could find something. */
  didYouMean: string | null;
}

export interface Search {
  /** By words alone, or with a settled query's vector (see settled) re-ranked by meaning too. */
  search(query: string, filters?: SearchFilters, queryVector?: Int8Array | null): SearchResults;
  /** A settled query (Enter, the results page, the API): by words and meaning, as far as vectors are ready. */
  settled(query: string, filters?: SearchFilters): Promise<SearchResults>;
  /** Entry vectors and the sentence model (server/search/meaning). */
  readonly meaning: Meaning;
  /** Resolves once background work after the latest writes (retraining the learned weights) is done. */
  idle(): Promise<void>;
}
