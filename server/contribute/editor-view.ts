import type { User } from '../people/user.ts';
import { can } from '../people/permissions.ts';
import { ENTRY_KINDS, ENTRY_STATUSES, PROSE_SECTIONS, type Entry } from '../entries/entry.ts';
import { entryPreview } from '../entries/entry-preview.ts';
import type { flagsToResolve } from '../flags/flag-view.ts';
import type { SectionDiff } from '../revisions/entry-diff.ts';
import type { EntryDraft, FieldErrors, OptionList } from './entry-form.ts';

/** What the editor page shows, prepared so the template only loops and tests. */

export interface EditorPage {
  heading: string;
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

const OPTION_LABELS: Record<OptionList, { one: string; field: string }> = {
  solutions: { one: 'Solution', field: 'solution' },
  alternatives: { one: 'Alternative', field: 'alternative' },
};

export function editorView(page: EditorPage, draft: EntryDraft, user: User, extras: EditorExtras) {
  const errors = extras.errors ?? {};
  const optionRows = (kind: OptionList) =>
    draft[kind].map((o, index, all) => ({
      ...o,
      index,
      number: index + 1,
      label: OPTION_LABELS[kind].one,
      field: OPTION_LABELS[kind].field,
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
    kinds: ENTRY_KINDS.map((k) => ({ value: k, label: k === 'common' ? 'Common request' : 'Unusual request', selected: draft.kind === k })),
    statuses: ENTRY_STATUSES.map((s) => ({ value: s, selected: draft.status === s })),
    prose: PROSE_SECTIONS.map(({ key, heading }) => ({ key, heading, value: draft[key], error: errors[key] })),
    canSetStatus: can(user, 'editDirectly'),
    categories: extras.categories,
    preview: extras.preview ? entryPreview(extras.preview) : null,
    conflict: extras.conflict ?? null,
  };
}
