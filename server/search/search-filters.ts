import type { SearchParams } from './search-params.ts';
import type { SearchFilters } from './search.ts';

/** The filters of a search request, as search() takes them and as the query log records them. */
export function filtersOf(params: SearchParams, limit: number): SearchFilters {
  return { category: params.category, kind: params.kind, language: params.lang, limit };
}

export function loggedFilters(params: SearchParams): Record<string, string | undefined> {
  return { category: params.category, kind: params.kind, lang: params.lang };
}
