import { PROSE_SECTIONS, type EntryStatus } from './entry.ts';
import type { RevisionInfo, StoredEntry } from './entry-queries.ts';

/** What the entry page shows, prepared so the template only loops and tests. */

export const STATUS_LABELS: Record<EntryStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  vetted: 'Vetted',
  archived: 'Archived',
};

const SECTION_HINTS: Record<string, string> = {
  whatToSay: 'Say it your way, but keep the promise the same.',
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
    statusLabel: STATUS_LABELS[entry.status],
    isVetted: entry.status === 'vetted',
    isArchived: entry.status === 'archived',
    category: { name: entry.category, slug: stored.categorySlug },
    language: entry.language,
    summaryHtml: html.summary,
    solutions: entry.solutions.map(option(0)),
    alternatives: entry.alternatives.map(option(entry.solutions.length)),
    sections: PROSE_SECTIONS.filter(({ key }) => html[key]).map(({ key, heading }) => ({
      key,
      heading,
      hint: SECTION_HINTS[key],
      html: html[key],
      copyable: key === 'whatToSay',
    })),
    tags: entry.tags,
    phrasings: entry.phrasings,
    owner: entry.owner,
    reviewBy: entry.reviewBy,
    reviewOverdue: entry.reviewBy !== null && entry.reviewBy < today,
    revision: stored.revision,
    lastRevision,
  };
}
