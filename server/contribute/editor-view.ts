import type { User } from '../people/user.ts';
import { can } from '../people/permissions.ts';
import { ENTRY_KINDS, ENTRY_STATUSES, PROSE_SECTIONS, type Entry } from '../entries/entry.ts';
import { entryPreview } from '../entries/entry-preview.ts';
import type { flagsToResolve } from '../flags/flag-view.ts';
import type { SectionDiff } from '../revisions/entry-diff.ts';
import type { EntryDraft, FieldErrors, OptionList } from './entry-form.ts';

/** What the editor page shows, prepared so the template only loops and tests. */

export interface EditorPage {
  /** Catalogue keys (locales/*.json): the page is written in the reader's language. */
  heading: string;
  /** The entry's title, for the heading. */
  entryTitle?: string;
  intro: string;
  actionUrl: string;
  submitLabel: string;
  cancelUrl: string;
  /** Open flags a lead may mark as resolved by this edit. */
  flags?: ReturnType<typeof flagsToResolve>;
}

export interface EditorExtras {
  errors?: FieldErrors;
  preview?: Entry;
  conflict?: { revision: number; author: string; sections: SectionDiff[] };
  categories: string[];
}

const OPTION_FIELDS: Record<OptionList, string> = { solutions: 'solution', alternatives: 'alternative' };

export function editorView(page: EditorPage, draft: EntryDraft, user: User, extras: EditorExtras) {
  const errors = extras.errors ?? {};
  const optionRows = (kind: OptionList) =>
    draft[kind].map((o, index, all) => ({
      ...o,
      index,
      number: index + 1,
      field: OPTION_FIELDS[kind],
      list: kind,
      isFirst: index === 0,
      isLast: index === all.length - 1,
      titleError: errors[`${kind}.${index}.title`] ?? errors[`${kind}.${index}.body`],
    }));
  return {
    page,
    draft,
    errors,
    errorCount: Object.keys(errors).length,
    errorList: Object.entries(errors).map(([field, message]) => ({ field, message })),
    solutions: optionRows('solutions'),
    alternatives: optionRows('alternatives'),
    solutionsError: errors.solutions,
    kinds: ENTRY_KINDS.map((k) => ({ value: k, selected: draft.kind === k })),
    statuses: ENTRY_STATUSES.map((s) => ({ value: s, selected: draft.status === s })),
    prose: PROSE_SECTIONS.map(({ key }) => ({ key, value: draft[key], error: errors[key] })),
    canSetStatus: can(user, 'editDirectly'),
    categories: extras.categories,
    preview: extras.preview ? entryPreview(extras.preview) : null,
    conflict: extras.conflict ?? null,
  };
}
