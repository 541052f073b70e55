import { diffWordsWithSpace } from 'diff';
import { PROSE_SECTIONS, type Entry, type EntryOption } from '../entries/entry.ts';
import { KIND_LABELS, STATUS_LABELS } from '../entries/entry-view.ts';
import { date } from '../render/helpers/date.ts';
import { escapeHtml } from '../render/escape-html.ts';
import { markdownToLines } from '../render/markdown.ts';

/** A readable, section-by-section comparison of two versions of an entry. */

export interface SectionDiff {
  heading: string;
  /** Safe HTML: the newer text with removed words in <del> and added words in <ins>. */
  html: string;
  added: number;
  removed: number;
}

/**
 * How a section's text is written for comparing: as stored (Markdown and field values, for
 * someone merging in the editor), or as a reader sees it (for leads reviewing a proposal).
 */
interface Wording {
  markdown: (text: string) => string;
  kind: (kind: Entry['kind']) => string;
  status: (status: Entry['status']) => string;
  day: (day: string) => string;
}

const AS_STORED: Wording = { markdown: (t) => t, kind: (k) => k, status: (s) => s, day: (d) => d };
const AS_READ: Wording = { markdown: markdownToLines, kind: (k) => KIND_LABELS[k], status: (s) => STATUS_LABELS[s], day: date };

function options(list: EntryOption[], words: Wording): string {
  return list.map((o, i) => `${i + 1}. ${o.title}${o.body ? `\n${words.markdown(o.body)}` : ''}`).join('\n\n');
}

/** Each section of an entry as the text a reader compares. */
function sections(entry: Entry | null, words: Wording): Map<string, string> {
  const e = entry;
  const details = e
    ? [
        `Kind: ${words.kind(e.kind)}`,
        `Category: ${e.category}`,
        `Language: ${e.language}`,
        `Status: ${words.status(e.status)}`,
        `Owner: ${e.owner ?? '—'}`,
        `Review by: ${e.reviewBy ? words.day(e.reviewBy) : '—'}`,
        `Tags: ${e.tags.join(', ') || '—'}`,
      ].join('\n')
    : '';
  return new Map([
    ['Title', e?.title ?? ''],
    ['Details', details],
    ['How customers put it', e?.phrasings.join('\n') ?? ''],
    ['Summary', words.markdown(e?.summary ?? '')],
    ['Solutions', e ? options(e.solutions, words) : ''],
    ['Alternatives', e ? options(e.alternatives, words) : ''],
    ...PROSE_SECTIONS.map(({ key, heading }) => [heading, words.markdown(e?.[key] ?? '')] as [string, string]),
  ]);
}

/**
 * The sections that differ between `before` (null: nothing yet) and `after`, in page order.
 * `readable` compares what readers see: no Markdown marks, no internal values such as in_review.
 */
export function diffEntries(before: Entry | null, after: Entry, { readable = false } = {}): SectionDiff[] {
  const words = readable ? AS_READ : AS_STORED;
  const old = sections(before, words);
  const changed: SectionDiff[] = [];
  for (const [heading, text] of sections(after, words)) {
    const previous = old.get(heading) ?? '';
    if (previous === text) continue;
    let html = '';
    let added = 0;
    let removed = 0;
    for (const part of diffWordsWithSpace(previous, text)) {
      const escaped = escapeHtml(part.value);
      if (part.added) {
        added += part.count ?? 1;
        html += `<ins>${escaped}</ins>`;
      } else if (part.removed) {
        removed += part.count ?? 1;
        html += `<del>${escaped}</del>`;
      } else {
        html += escaped;
      }
    }
    changed.push({ heading, html, added, removed });
  }
  return changed;
}
