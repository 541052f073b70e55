import type { Db } from '../db/connection.ts';
import { itemTitles } from './onboarding-queries.ts';
import { itemUrl, type PathForm, type PathView } from './onboarding-service.ts';
import { itemKey, type Path } from './path.ts';

/** What the Start here templates show, worked out here so the templates stay plain. */

export function readerPaths(paths: PathView[]) {
  return paths.map((path) => {
    const next = path.items.find((item) => !item.done);
    return {
      ...path,
      items: path.items.map((item) => ({ ...item, isNext: item === next })),
    };
  });
}

/** A refused form: what was typed, and the message with the field it is about (e.g. `items.2.why`). */
export interface RefusedForm {
  typed: PathForm;
  error: string;
  field?: string;
}

/** The path editor: the stored path, or what was typed into it when the form came back refused. */
export function pathEditor(db: Db, path: Path, refused?: RefusedForm) {
  const titles = itemTitles(db);
  const typed = refused?.typed;
  const errorFor = (field: string) => (refused?.field === field ? refused.error : undefined);
  const onPath = new Set(path.items.map(itemKey));
  const choices = (kind: 'entry' | 'guide') =>
    [...titles]
      .filter(([key, t]) => key.startsWith(`${kind}:`) && !onPath.has(key) && (kind === 'guide' || t.status === 'vetted'))
      .map(([key, t]) => ({ value: key, title: t.title, selected: typed?.item === key }))
      .sort((a, b) => a.title.localeCompare(b.title));
  const itemErrors = path.items.map((_, i) => errorFor(`items.${i}.why`));
  const fieldErrors = ['title', 'summary', ...path.items.map((_, i) => `items.${i}.why`)];
  // addItem names `item`, `kind`, `id` or `why` (the new item's); the form's own whys are `items.N.why`.
  const addFailed = ['item', 'kind', 'id', 'why'].includes(refused?.field ?? '');
  return {
    path,
    name: { title: typed?.title ?? path.title, summary: typed?.summary ?? path.summary, titleError: errorFor('title'), summaryError: errorFor('summary') },
    // A message about no one field (e.g. the path changed meanwhile) shows above the form.
    formError: refused && !addFailed && !fieldErrors.includes(refused.field ?? '') ? refused.error : undefined,
    items: path.items.map((item, i) => ({
      ...item,
      position: i + 1,
      title: titles.get(itemKey(item))?.title ?? `${item.id} (missing)`,
      url: itemUrl(item),
      why: typed?.whys[i] ?? item.why,
      error: itemErrors[i],
      first: i === 0,
      last: i === path.items.length - 1,
    })),
    add: {
      guides: choices('guide'),
      entries: choices('entry'),
      why: typed?.addWhy ?? '',
      error: addFailed ? refused!.error : undefined,
    },
  };
}

/** A new path's title and summary as typed, with the message next to the field at fault. */
export function nameForm(values: { title: string; summary: string }, error?: string, field?: string) {
  return {
    ...values,
    titleError: field === 'title' ? error : undefined,
    summaryError: field === 'summary' ? error : undefined,
  };
}
