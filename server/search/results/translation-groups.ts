import type { Db } from '../../db/connection.ts';
import { latestChangeSeq } from '../../db/changes.ts';
import { preparedFor } from '../../db/prepared.ts';
import type { EntryIndex } from '../index/entry-index.ts';
import type { Ranked } from '../rank/ranking.ts';
import type { SearchFilters } from '../types.ts';
import { visibleTo } from './visible-entries.ts';

/**
 * Translations in search: one result per translation group (an entry and its translations), in
 * the place of the group's best-ranked member, shown in the preferred language when the group has
 * a version in it the reader may see. The preferred language is the `language` filter, else the
 * language of the best result (the language the query's words matched best).
 *
 * With a `language` filter, the members of groups that have a version in that language may match
 * too (an Italian agent who types the English words still finds the Italian version); every result
 * is then shown in that language.
 */

interface Linked {
  group: string;
  language: string;
}

const statements = preparedFor((db) => ({
  // Translations, then the sources they name: two index searches (an OR of both read every entry).
  linked: db.prepare<[], LinkRow>(`SELECT id, language, translation_of AS grp FROM entries WHERE translation_of IS NOT NULL
    UNION ALL
    SELECT id, language, id FROM entries
    WHERE translation_of IS NULL AND id IN (SELECT translation_of FROM entries WHERE translation_of IS NOT NULL)`),
}));

interface LinkRow { id: string; language: string; grp: string }

/** The linked entries, read again only after a write (every save moves the change sequence). */
const linkedCache = new WeakMap<Db, { seq: number; rows: LinkRow[] }>();
function linkedRows(db: Db): LinkRow[] {
  const seq = latestChangeSeq(db);
  let cached = linkedCache.get(db);
  if (cached?.seq !== seq) linkedCache.set(db, (cached = { seq, rows: statements(db).linked.all() }));
  return cached.rows;
}

export interface TranslationGroups {
  /** Who may be a candidate: visibleTo, widened to whole groups under a language filter. */
  visible: (no: number) => boolean;
  /** The ranked list with one member per group, swapped to the preferred language. */
  onePerGroup: (ranked: Ranked[]) => Ranked[];
  /** How many results the candidates make, a group counting once. */
  count: (found: ArrayLike<number>) => number;
}

export function translationGroups(db: Db, index: EntryIndex, filters: SearchFilters): TranslationGroups {
  const base = visibleTo(index, filters);
  const linked = new Map<number, Linked>();
  for (const row of linkedRows(db)) {
    const no = index.numberOf(row.id);
    if (no !== undefined) linked.set(no, { group: row.grp, language: row.language });
  }
  if (!linked.size) return { visible: base, onePerGroup: (ranked) => ranked, count: (found) => found.length };

  const visibleIn = (language: string) => visibleTo(index, { ...filters, language });
  const versionIn = (group: string, language: string) => {
    const may = visibleIn(language);
    for (const [no, l] of linked) if (l.group === group && l.language === language && may(no)) return no;
    return undefined;
  };

  let visible = base;
  if (filters.language) {
    const anyLanguage = visibleTo(index, { ...filters, language: undefined });
    const groups = new Set([...linked].filter(([no]) => base(no)).map(([, l]) => l.group));
    visible = (no) => base(no) || (groups.has(linked.get(no)?.group ?? '') && anyLanguage(no));
  }


  return {
    visible,
    count(found) {
      const groups = new Set<string>();
      let alone = 0;
      for (let i = 0; i < found.length; i++) {
        const member = linked.get(found[i]!);
        if (member) groups.add(member.group);
        else alone++;
      }
      return alone + groups.size;
    },
    onePerGroup(ranked) {
      const preferred = filters.language ?? (ranked[0] && (linked.get(ranked[0].no)?.language ?? index.languageOf(ranked[0].no)));
      const seen = new Set<string>();
      return ranked.flatMap((hit) => {
        const member = linked.get(hit.no);
        if (!member) return [hit];
        if (seen.has(member.group)) return [];
        seen.add(member.group);
        const swapped = preferred && member.language !== preferred ? versionIn(member.group, preferred) : undefined;
        return [swapped === undefined ? hit : { ...hit, no: swapped }];
      });
    },
  };
}
