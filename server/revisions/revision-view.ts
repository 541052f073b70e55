import type { RevisionInfo, StoredEntry } from '../entries/entry-queries.ts';
import type { SectionDiff } from './entry-diff.ts';
import type { Comparison } from './revision-service.ts';

/** What the history and diff pages show, prepared so the templates only loop and test. */

function entryHeading(stored: StoredEntry) {
  return { id: stored.entry.id, title: stored.entry.title, category: { name: stored.entry.category, slug: stored.categorySlug } };
}

export function historyView(stored: StoredEntry, revisions: RevisionInfo[], canRestore: boolean) {
  const id = stored.entry.id;
  const latest = stored.revision;
  return {
    entry: entryHeading(stored),
    canCompare: revisions.length > 1,
    revisions: revisions.map((r) => ({
      ...r,
      isCurrent: r.number === latest,
      isFirst: r.number === 1,
      // The form starts on the latest change, the comparison most people want.
      fromChecked: r.number === latest - 1,
      toChecked: r.number === latest,
      changesUrl: `/entries/${id}/diff?to=${r.number}`,
      restoreUrl: canRestore && r.number !== latest ? `/entries/${id}/revisions/${r.number}/restore` : null,
    })),
  };
}

/** The counts from diffEntries include whitespace, so readers get a word for the kind of change instead. */
function changeLabel({ added, removed }: SectionDiff): 'added' | 'removed' | 'changed' {
  if (removed === 0) return 'added';
  return added === 0 ? 'removed' : 'changed';
}

export function diffView(comparison: Comparison, revisions: RevisionInfo[], canRestore: boolean) {
  const { stored, from, to, sections } = comparison;
  const id = stored.entry.id;
  const choices = (selected: number | undefined) =>
    revisions.map((r) => ({ number: r.number, author: r.author, selected: r.number === selected }));
  const describe = (r: RevisionInfo) => ({ number: r.number, author: r.author, summary: r.summary, createdAt: r.createdAt });
  return {
    entry: entryHeading(stored),
    from: from && describe(from),
    to: describe(to),
    toIsCurrent: to.number === stored.revision,
    sections: sections.map((s) => ({ ...s, change: changeLabel(s) })),
    fromChoices: choices(from?.number),
    toChoices: choices(to.number),
    // Comparing an older revision with the live one, a lead can undo the changes shown by restoring it.
    restoreUrl:
      canRestore && from && to.number === stored.revision && from.number !== to.number
        ? `/entries/${id}/revisions/${from.number}/restore`
        : null,
  };
}
