import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import type { EntryIndex } from '../index/entry-index.ts';
import { highlight, snippet } from './highlight.ts';
import type { SearchHit } from '../types.ts';
import { wordsToMark } from './stop-words.ts';

/**
 * The results as shown. The index keeps no texts (they would be most of its memory), so the title
 * and the start of the texts the snippet is cut from are read for the shown entries only.
 */
const SNIPPET_SOURCE_CHARS = 1200;

const statements = preparedFor((db) => ({
  shown: db.prepare<[id: string], Shown>(`SELECT title, substr(summary_text, 1, ${SNIPPET_SOURCE_CHARS}) AS summary,
      substr(phrasings_text, 1, ${SNIPPET_SOURCE_CHARS}) AS phrasings, substr(body_text, 1, ${SNIPPET_SOURCE_CHARS}) AS body
    FROM entries WHERE id = ?`),
}));

interface Shown {
  title: string;
  summary: string;
  phrasings: string;
  body: string;
}

/** The hit for entry `no`, or null if it was deleted (by another process) since the index caught up. */
export function hitOf(db: Db, index: EntryIndex, no: number, score: number, terms: string[]): Omit<SearchHit, 'coverage'> | null {
  const id = index.idOf(no);
  const shown = statements(db).shown.get(id);
  if (!shown) return null;
  const category = index.categoryOf(no);
  const kind = index.kindOf(no);
  const status = index.statusOf(no);
  const marked = wordsToMark(terms, index.languages);
  return {
    id,
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
    url: `/entries/${id}`,
  };
}

/** Where the snippet is cut from: the summary, the phrasings, then the body; the first part only. */
function snippetText({ summary, phrasings, body }: Shown): string {
  const examples = phrasings ? phrasings.split('\n').join(' · ') : '';
  return [summary, examples, body].filter(Boolean).join(' ').slice(0, SNIPPET_SOURCE_CHARS);
}
