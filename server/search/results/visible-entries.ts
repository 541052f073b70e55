import { ENTRY_KINDS, ENTRY_STATUSES } from '../../entries/entry.ts';
import type { EntryIndex } from '../index/entry-index.ts';
import type { SearchFilters } from '../types.ts';

export const VISIBLE_BY_DEFAULT = ENTRY_STATUSES.filter((s) => s !== 'archived');

/**
 * Which entry numbers a search may return: the filters turned into codes once, so each candidate
 * costs a few array reads.
 */
export function visibleTo(index: EntryIndex, filters: SearchFilters): (no: number) => boolean {
  const { status, kind, language, category } = index.columns;
  const statuses = new Uint8Array(256);
  for (const s of filters.statuses ?? VISIBLE_BY_DEFAULT) statuses[ENTRY_STATUSES.indexOf(s)] = 1;
  const wanted = filters.category?.toLowerCase();
  const categories = wanted && Uint8Array.from(index.categories, (c) => Number(c.name.toLowerCase() === wanted || c.slug === wanted));
  const kindCode = filters.kind ? ENTRY_KINDS.indexOf(filters.kind) : -1;
  const languageCode = filters.language ? (index.languageCode(filters.language) ?? -2) : -1;
  return (no) =>
    statuses[status.data[no]!] === 1 &&
    (!categories || categories[category.data[no]!] === 1) &&
    (kindCode < 0 || kind.data[no] === kindCode) &&
    (languageCode === -1 || language.data[no] === languageCode);
}
