import { scriptLines } from './script-lines.ts';
import { markdownToText } from '../render/markdown.ts';
import { PROSE_SECTIONS, type EntryKind, type EntryStatus } from './entry.ts';
import type { RevisionInfo, StoredEntry } from './entry-queries.ts';

/** What the entry page shows, prepared so the template only loops and tests. */

export const STATUS_LABELS: Record<EntryStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  vetted: 'Vetted',
  archived: 'Archived',
};

export const KIND_LABELS: Record<EntryKind, string> = { common: 'Common request', unusual: 'Unusual request' };

const SECTION_HINTS: Record<string, string> = {
  whatToSay: 'Your words, the same promise.',
  timeline: 'Promise the safe end of the range.',
  caveats: 'Be honest about these up front.',
  followUp: 'After the call.',
};

export function entryView(stored: StoredEntry, lastRevision: RevisionInfo | undefined, today: string) {
  const { entry, html } = stored;
  const option = (offset: number) => (o: { title: string }, i: number) => ({
    number: offset + i + 1,
    title: o.title,
    html: html.options[offset + i] ?? '',
  });
  return {
    id: entry.id,
    title: entry.title,
    isUnusual: entry.kind === 'unusual',
    status: entry.status,
    isVetted: entry.status === 'vetted',
    isArchived: entry.status === 'archived',
    category: { name: entry.category, slug: stored.categorySlug },
    language: entry.language,
    summaryHtml: html.summary,
    summaryLead: leadSentence(entry.summary),
    solutions: entry.solutions.map(option(0)),
    alternatives: entry.alternatives.map(option(entry.solutions.length)),
    ...proseSections(entry, html),
    tags: entry.tags,
    phrasings: entry.phrasings,
    owner: entry.owner,
    reviewBy: entry.reviewBy,
    reviewOverdue: entry.reviewBy !== null && entry.reviewBy < today,
    revision: stored.revision,
    lastRevision,
  };
}

/**
 * "What to say" (one line per script, each copied on its own) stands beside the options; the
 * timeline, caveats and follow-up come after them.
 */
function proseSections(entry: StoredEntry['entry'], html: StoredEntry['html']) {
  const sections = PROSE_SECTIONS.filter(({ key }) => html[key]).map(({ key, heading }) => ({
    key,
    heading,
    hint: SECTION_HINTS[key],
    html: html[key],
    lines: key === 'whatToSay' ? scriptLines(entry.whatToSay) : [],
  }));
  return { script: sections.find((s) => s.key === 'whatToSay'), sections: sections.filter((s) => s.key !== 'whatToSay') };
}

/**
 * The summary's first sentence, for the top of the call card when the summary says more (the
 * rest is one tap away); '' when the summary is a single sentence and shows whole.
 */
export function leadSentence(summary: string): string {
  const text = markdownToText(summary);
  const first = /^(.+?[.!?])\s+(?=[\p{Lu}"“(])/su.exec(text)?.[1];
  return first && first.length < text.length ? first : '';
}
