import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import type { EntryIndex } from '../index/entry-index.ts';
import { highlight, snippet } from './highlight.ts';
import type { SearchHit } from '../types.ts';
import type { Ranked } from '../rank/ranking.ts';
import { wordsToMark } from './stop-words.ts';

/**
 * The results as shown. The index keeps no texts (they would be most of its memory), so the title
 * and the start of the texts the snippet is cut from are read for the shown entries only.
 */
const SNIPPET_SOURCE_CHARS = 1200;

const statements = preparedFor((db) => ({
  // One statement for all the shown entries: a statement call per entry costs more than its lookup.
  shown: db.prepare<[ids: string], Shown>(`SELECT id, title, substr(summary_text, 1, ${SNIPPET_SOURCE_CHARS}) AS summary,
      substr(phrasings_text, 1, ${SNIPPET_SOURCE_CHARS}) AS phrasings, substr(body_text, 1, ${SNIPPET_SOURCE_CHARS}) AS body
    FROM entries WHERE id IN (SELECT value FROM json_each(?))`),
}));

interface Shown {
  id: string;
  title: string;
  summary: string;
  phrasings: string;
  body: string;
}

/** The hits for the ranked entries, in their order; an entry deleted (by another process) since the index caught up is left out. */
export function hitsOf(db: Db, index: EntryIndex, ranked: Ranked[], terms: string[]): { no: number; hit: Omit<SearchHit, 'coverage'> }[] {
  const ids = ranked.map(({ no }) => index.idOf(no));
  const rows = new Map(statements(db).shown.all(JSON.stringify(ids)).map((row) => [row.id, row]));
  const marked = wordsToMark(terms, index.languages);
  return ranked.flatMap(({ no, score }, i) => {
    const shown = rows.get(ids[i]!);
    return shown ? { no, hit: hitOf(index, no, score, shown, marked) } : [];
  });
}

function hitOf(index: EntryIndex, no: number, score: number, shown: Shown, marked: string[]): Omit<SearchHit, 'coverage'> {
  const category = index.categoryOf(no);
  const kind = index.kindOf(no);
  const status = index.statusOf(no);
  return {
    id: shown.id,
    title: shown.title,
    kind,
    isUnusual: kind === 'unusual',
    category: category.name,
    categorySlug: category.slug,
    status,
    isVetted: status === 'vetted',
    score: Math.round(score * 1000) / 1000,
    snippet: snippet(snippetText(shown), marked),
    titleHtml: highlight(shown.title, marked),
    url: `/entries/${shown.id}`,
  };
}

/** Where the snippet is cut from: the summary, the phrasings, then the body; the first part only. */
function snippetText({ summary, phrasings, body }: Shown): string {
  const examples = phrasings ? phrasings.split('\n').join(' · ') : '';
  return [summary, examples, body].filter(Boolean).join(' ').slice(0, SNIPPET_SOURCE_CHARS);
}
