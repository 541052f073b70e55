import { ENTRY_STATUSES } from '../../entries/entry.ts';
import type { EntryIndex } from '../index/entry-index.ts';
import type { SearchFilters } from '../types.ts';

export const VISIBLE_BY_DEFAULT = ENTRY_STATUSES.filter((s) => s !== 'archived');

/**
 * Which entry numbers a search may return: the filters turned into codes once, so each candidate
 * costs a few array reads.
 */
export function visibleTo(index: EntryIndex, filters: SearchFilters): (no: number) => boolean {
  const wanted = filters.category?.toLowerCase();
  return index.matcher({
    statuses: filters.statuses ?? VISIBLE_BY_DEFAULT,
    kind: filters.kind,
    language: filters.language,
    category: wanted ? (c) => c.name.toLowerCase() === wanted || c.slug === wanted : undefined,
  });
}
