import type { User } from '../../people/user.ts';
import { visibleStatuses } from '../../entries/visible-entry.ts';
import type { SearchParams } from './search-params.ts';
import type { SearchFilters } from '../types.ts';

/**
 * The filters of a search request, as search() takes them and as the query log records them.
 * What the reader may see is part of the query: agents and visitors find only vetted entries.
 */
export function filtersOf(params: SearchParams, limit: number, reader: User | null): SearchFilters {
  return { category: params.category, kind: params.kind, language: params.lang, limit, statuses: visibleStatuses(reader) };
}

export function loggedFilters(params: SearchParams): Record<string, string | undefined> {
  return { category: params.category, kind: params.kind, lang: params.lang };
}
