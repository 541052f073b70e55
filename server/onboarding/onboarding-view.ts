import type { Db } from '../db/connection.ts';
import { itemTitles } from './onboarding-queries.ts';
import type { PathView } from './onboarding-service.ts';
import { itemKey, type Path } from './path.ts';

/** What the Start here templates show, worked out here so the templates stay plain. */

export const KIND_LABELS = { entry: 'Entry', guide: 'Guide' } as const;

/** A form that came back refused: which one, its message and field, and what was typed. */
export interface EditorForm {
  /** `name`, `add`, or `why-N` for item N's why. */
  form: string;
  error: string;
  field?: string;
  values: Record<string, string>;
}

export function readerPaths(paths: PathView[]) {
  return paths.map((path) => {
    const next = path.items.find((item) => !item.done);
    return {
      ...path,
      percent: path.total ? Math.round((path.done / path.total) * 100) : 0,
      complete: path.total > 0 && path.done === path.total,
      items: path.items.map((item) => ({ ...item, kindLabel: KIND_LABELS[item.kind], isNext: item === next })),
    };
  });
}

export function pathEditor(db: Db, path: Path, form?: EditorForm) {
  const titles = itemTitles(db);
  const onPath = new Set(path.items.map(itemKey));
  const choices = (kind: 'entry' | 'guide') =>
    [...titles]
      .filter(([key, t]) => key.startsWith(`${kind}:`) && !onPath.has(key) && (kind === 'guide' || t.status === 'vetted'))
      .map(([key, t]) => ({ value: key, title: t.title, selected: form?.values.item === key }))
      .sort((a, b) => a.title.localeCompare(b.title));
  const last = path.items.length;
  return {
    path,
    name: form?.form === 'name' ? nameForm(form.values, form.error, form.field) : { title: path.title, summary: path.summary },
    items: path.items.map((item, i) => {
      const position = i + 1;
      const refused = form?.form === `why-${position}` ? form : undefined;
      return {
        ...item,
        position,
        title: titles.get(itemKey(item))?.title ?? `${item.id} (missing)`,
        url: `/${item.kind === 'entry' ? 'entries' : 'guides'}/${item.id}`,
        kindLabel: KIND_LABELS[item.kind],
        why: refused ? refused.values.why : item.why,
        error: refused?.error,
        first: position === 1,
        last: position === last,
      };
    }),
    itemsError: form?.form === 'items' ? form.error : undefined,
    add: {
      guides: choices('guide'),
      entries: choices('entry'),
      why: form?.form === 'add' ? form.values.why : '',
      error: form?.form === 'add' ? form.error : undefined,
    },
  };
}

/** A path's title and summary as typed, with the message shown next to the field at fault. */
export function nameForm(values: Record<string, string>, error?: string, field?: string) {
  return {
    title: values.title ?? '',
    summary: values.summary ?? '',
    error,
    titleError: field === 'title' ? error : undefined,
    summaryError: field === 'summary' ? error : undefined,
  };
}
