import type { z } from 'zod';
import { entrySchema, PROSE_SECTIONS, type Entry, type EntryOption } from '../entries/entry.ts';

/**
 * The entry editor's form: what the browser posts, turned into an entry and back. Options are
 * repeated fields (solutionTitle/solutionBody…) so the form works without JavaScript; the add,
 * remove and move buttons post the form back with an `action` and nothing typed is lost.
 */

export type OptionList = 'solutions' | 'alternatives';

export interface FormOption extends EntryOption {
  titleError?: string;
}

export interface EntryDraft {
  title: string;
  kind: string;
  category: string;
  tags: string;
  language: string;
  /** The id of the entry this one translates; empty on an original. */
  translationOf: string;
  status: string;
  owner: string;
  reviewBy: string;
  phrasings: string;
  summary: string;
  solutions: FormOption[];
  alternatives: FormOption[];
  whatToSay: string;
  timeline: string;
  caveats: string;
  followUp: string;
  /** Why the change is made, for the history. */
  why: string;
  baseRevision: string;
  /** The content-gap search this new entry answers, if it was started from one. */
  fromSearch: string;
}

const FIELD_NAMES: Record<OptionList, { title: string; body: string }> = {
  solutions: { title: 'solutionTitle', body: 'solutionBody' },
  alternatives: { title: 'alternativeTitle', body: 'alternativeBody' },
};

type FormBody = Record<string, string | string[] | undefined>;

const text = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function draftFromForm(body: FormBody): EntryDraft {
  const options = (kind: OptionList) => {
    const titles = list(body[FIELD_NAMES[kind].title]);
    const bodies = list(body[FIELD_NAMES[kind].body]);
    return titles.map((title, i) => ({ title, body: (bodies[i] ?? '').replace(/\r\n?/g, '\n') }));
  };
  const draft = Object.fromEntries(
    ['title', 'kind', 'category', 'tags', 'language', 'translationOf', 'status', 'owner', 'reviewBy', 'phrasings', 'summary', 'why', 'baseRevision', 'fromSearch',
      ...PROSE_SECTIONS.map((s) => s.key)].map((key) => [key, text(body[key]).replace(/\r\n?/g, '\n')]),
  ) as Omit<EntryDraft, OptionList>;
  return { ...draft, solutions: options('solutions'), alternatives: options('alternatives') };
}

export function draftFromEntry(entry: Entry | null, baseRevision: number | null): EntryDraft {
  return {
    title: entry?.title ?? '',
    kind: entry?.kind ?? 'common',
    category: entry?.category ?? '',
    tags: entry?.tags.join(', ') ?? '',
    language: entry?.language ?? 'en',
    translationOf: entry?.translationOf ?? '',
    status: entry?.status ?? 'vetted',
    owner: entry?.owner ?? '',
    reviewBy: entry?.reviewBy ?? '',
    phrasings: entry?.phrasings.join('\n') ?? '',
    summary: entry?.summary ?? '',
    solutions: entry?.solutions.map((o) => ({ ...o })) ?? [{ title: '', body: '' }],
    alternatives: entry?.alternatives.map((o) => ({ ...o })) ?? [{ title: '', body: '' }, { title: '', body: '' }],
    whatToSay: entry?.whatToSay ?? '',
    timeline: entry?.timeline ?? '',
    caveats: entry?.caveats ?? '',
    followUp: entry?.followUp ?? '',
    why: '',
    baseRevision: baseRevision ? String(baseRevision) : '',
    fromSearch: '',
  };
}

/** Add, remove or move an option: `add:solutions`, `remove:alternatives:2`, `up:solutions:1`, `down:…`. */
export function applyOptionAction(draft: EntryDraft, action: string): boolean {
  const [verb, kind, at] = action.split(':');
  if (kind !== 'solutions' && kind !== 'alternatives') return false;
  const options = draft[kind];
  const i = Number(at);
  if (verb === 'add') options.push({ title: '', body: '' });
  else if (verb === 'remove' && options[i]) options.splice(i, 1);
  else if (verb === 'up' && i > 0 && options[i]) [options[i - 1], options[i]] = [options[i]!, options[i - 1]!];
  else if (verb === 'down' && options[i + 1]) [options[i], options[i + 1]] = [options[i + 1]!, options[i]!];
  else return false;
  return true;
}

/** The draft as entry input: blank options left out, tags and phrasings split. */
export function entryInput(draft: EntryDraft, id: string) {
  const filled = (options: FormOption[]) =>
    options.filter((o) => o.title.trim() || o.body.trim()).map((o) => ({ title: o.title, body: o.body.trim() }));
  return {
    id,
    title: draft.title,
    kind: draft.kind || undefined,
    category: draft.category,
    tags: draft.tags.split(',').map((t) => t.trim()).filter(Boolean),
    language: draft.language.trim() || undefined,
    translationOf: draft.translationOf.trim() || null,
    status: draft.status || undefined,
    owner: draft.owner.trim() || null,
    reviewBy: draft.reviewBy.trim() || null,
    phrasings: draft.phrasings.split('\n').map((p) => p.trim()).filter(Boolean),
    summary: draft.summary.trim(),
    solutions: filled(draft.solutions),
    alternatives: filled(draft.alternatives),
    ...Object.fromEntries(PROSE_SECTIONS.map(({ key }) => [key, draft[key].trim()])),
  };
}

export type FieldErrors = Record<string, string>;

/** Every problem with the draft, keyed by form field (option titles as `solutions.0.title`). */
export function draftErrors(draft: EntryDraft, id: string): FieldErrors {
  const result = entrySchema.safeParse(entryInput(draft, id));
  return result.success ? {} : errorsByField(result.error, draft);
}

function errorsByField(error: z.ZodError, draft: EntryDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [field, index, part] = issue.path.map(String);
    if (!field) continue;
    let key = field;
    if ((field === 'solutions' || field === 'alternatives') && index !== undefined) {
      // Map back from the filled options to the form's slots, which may include blank ones.
      const slots = draft[field].map((o, slot) => ({ o, slot })).filter(({ o }) => o.title.trim() || o.body.trim());
      key = `${field}.${slots[Number(index)]?.slot ?? index}.${part ?? 'title'}`;
    }
    errors[key] ??= issue.code === 'invalid_type' ? `${field} is required` : issue.message;
  }
  return errors;
}
