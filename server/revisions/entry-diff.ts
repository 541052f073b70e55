import { diffWordsWithSpace } from 'diff';
import { PROSE_SECTIONS, type Entry, type EntryOption } from '../entries/entry.ts';
import { escapeHtml } from '../render/escape-html.ts';

/** A readable, section-by-section comparison of two versions of an entry. */

export interface SectionDiff {
  heading: string;
  /** Safe HTML: the newer text with removed words in <del> and added words in <ins>. */
  html: string;
  added: number;
  removed: number;
}

function options(list: EntryOption[]): string {
  return list.map((o, i) => `${i + 1}. ${o.title}${o.body ? `\n${o.body}` : ''}`).join('\n\n');
}

/** Each section of an entry as the text a reader compares. */
function sections(entry: Entry | null): Map<string, string> {
  const e = entry;
  const details = e
    ? [
        `Kind: ${e.kind}`,
        `Category: ${e.category}`,
        `Language: ${e.language}`,
        `Status: ${e.status}`,
        `Owner: ${e.owner ?? '—'}`,
        `Review by: ${e.reviewBy ?? '—'}`,
        `Tags: ${e.tags.join(', ') || '—'}`,
      ].join('\n')
    : '';
  return new Map([
    ['Title', e?.title ?? ''],
    ['Details', details],
    ['How customers put it', e?.phrasings.join('\n') ?? ''],
    ['Summary', e?.summary ?? ''],
    ['Solutions', e ? options(e.solutions) : ''],
    ['Alternatives', e ? options(e.alternatives) : ''],
    ...PROSE_SECTIONS.map(({ key, heading }) => [heading, e?.[key] ?? ''] as [string, string]),
  ]);
}

/** The sections that differ between `before` (null: nothing yet) and `after`, in page order. */
export function diffEntries(before: Entry | null, after: Entry): SectionDiff[] {
  const old = sections(before);
  const changed: SectionDiff[] = [];
  for (const [heading, text] of sections(after)) {
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
