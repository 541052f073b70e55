import { z } from 'zod';
import { canSeeEntry } from '../entries/visible-entry.ts';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import { findUserByName, listUsers } from '../accounts/user-queries.ts';
import { slugify } from '../validation/slug.ts';
import type { Db } from '../db/connection.ts';
import { Conflict, Invalid, NotFound, notFound, Unauthenticated } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import {
  changedSinceRead, deletePath, doneKeys, findPath, itemTitles, listPaths, newSinceSeen, nextPathOrder,
  recordRead, savePath, setDone, setSeen, type ReadEntry,
} from './onboarding-queries.ts';
import { itemKey, kindSchema, pathItemSchema, pathSchema, type ItemKind, type Path } from './path.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/** Start here paths: reading them with progress, and the leads curating them. Pages and API both call these. */

export interface ItemView {
  position: number;
  kind: ItemKind;
  id: string;
  title: string;
  why: string;
  url: string;
  done: boolean;
}

export interface PathView {
  id: string;
  title: string;
  summary: string;
  items: ItemView[];
  done: number;
  total: number;
}

export const itemUrl = (item: { kind: ItemKind; id: string }) => `/${item.kind === 'entry' ? 'entries' : 'guides'}/${item.id}`;

/**
 * The paths as `reader` may see them (entries they cannot open are left out), with `person`'s
 * progress; nobody signed in sees no progress.
 */
export function pathsFor(db: Db, reader: User | null | undefined, person = reader?.name): PathView[] {
  const titles = itemTitles(db);
  const done = person ? doneKeys(db, person) : new Set<string>();
  return listPaths(db).map((path) => {
    const items = path.items.flatMap((item, i): ItemView[] => {
      const found = titles.get(itemKey(item));
      if (!found) return [];
      if (item.kind === 'entry' && !canSeeEntry(reader, found.status!, found.createdBy ?? null)) return [];
      return [{ position: i + 1, ...item, title: found.title, url: itemUrl(item), done: done.has(itemKey(item)) }];
    });
    const doneCount = items.filter((item) => item.done).length;
    return { id: path.id, title: path.title, summary: path.summary, items, done: doneCount, total: items.length };
  });
}

/** `GET /api/onboarding`, exactly as the contract says. */
export function onboardingJson(paths: PathView[]) {
  return {
    paths: paths.map((path) => ({
      id: path.id,
      title: path.title,
      items: path.items.map(({ kind, id, title, done }) => ({ kind, id, title, done })),
    })),
  };
}

const doneSchema = z.object({
  kind: kindSchema,
  id: z.string({ error: 'id is required' }).trim().min(1, 'id is required'),
});

/**
 * Marks one item done (or not done) for the signed-in person only. The item must exist, be one
 * this person may open, and be on at least one path (progress is only kept for path items).
 */
export function markItem(db: Db, actor: User | null | undefined, input: unknown, done = true) {
  if (!actor) throw new Unauthenticated('Sign in first');
  const item = validate(doneSchema, input ?? {});
  const found = pathsFor(db, actor).flatMap((path) => path.items).find((i) => i.kind === item.kind && i.id === item.id);
  if (!found) {
    const exists = itemTitles(db).get(itemKey(item));
    const visible = exists && (item.kind === 'guide' || canSeeEntry(actor, exists.status!, exists.createdBy ?? null));
    if (!visible) throw new NotFound(`No such ${item.kind}: ${item.id}`, 'id');
    throw new Invalid(`“${exists.title}” is on no Start here path, so there is nothing to mark`, 'id');
  }
  setDone(db, actor.name, item, done);
  return { kind: item.kind, id: item.id, title: found.title, done };
}

/** Entries read at an older revision than today's, and entries new since the person last looked. */
export function changesFor(db: Db, person: string): { changed: ReadEntry[]; created: ReadEntry[] } {
  return { changed: changedSinceRead(db, person), created: newSinceSeen(db, person) };
}

/** "Seen": the changed entries count as read at their current revision, and new ones are counted from now. */
export function markSeen(db: Db, actor: User | null | undefined): void {
  if (!actor) throw new Unauthenticated('Sign in first');
  writeTransaction(db, () => {
    for (const entry of changedSinceRead(db, actor.name)) recordRead(db, actor.name, entry.id, entry.revision);
    setSeen(db, actor.name, new Date().toISOString());
  });
}

// ---- Leads curate the paths ------------------------------------------------------------------

const pathFields = pathSchema.pick({ title: true, summary: true });
const whySchema = pathItemSchema.pick({ why: true });
const moveSchema = z.object({ direction: z.enum(['up', 'down'], { error: 'direction must be up or down' }) });

export function curatedPaths(db: Db, actor: User | null | undefined): Path[] {
  requirePermission(actor, 'curateOnboarding');
  return listPaths(db);
}

export function createPath(db: Db, actor: User | null | undefined, input: unknown): Path {
  requirePermission(actor, 'curateOnboarding');
  const { title, summary } = validate(pathFields, input ?? {});
  const base = slugify(title).slice(0, 60).replace(/-+$/, '') || 'path';
  let id = base;
  for (let n = 2; findPath(db, id); n++) id = `${base}-${n}`;
  const path: Path = { id, title, summary, order: nextPathOrder(db), items: [] };
  savePath(db, path);
  return path;
}

export function updatePath(db: Db, actor: User | null | undefined, id: string, input: unknown): Path {
  const path = editablePath(db, actor, id);
  return save(db, { ...path, ...validate(pathFields, input ?? {}) });
}

export function removePath(db: Db, actor: User | null | undefined, id: string): Path {
  const path = editablePath(db, actor, id);
  deletePath(db, id);
  return path;
}

/** Adds an entry or a guide at the end; entries must be vetted, since the path is for everyone. */
export function addItem(db: Db, actor: User | null | undefined, pathId: string, input: unknown): Path {
  const path = editablePath(db, actor, pathId);
  const item = validate(pathItemSchema, input ?? {});
  const found = itemTitles(db).get(itemKey(item));
  if (!found) throw new Invalid(`No ${item.kind} has the id “${item.id}”`, 'id');
  if (item.kind === 'entry' && found.status !== 'vetted') {
    throw new Invalid(`“${found.title}” is not vetted yet; only vetted entries can go on a path`, 'id');
  }
  if (path.items.some((i) => itemKey(i) === itemKey(item))) {
    throw new Invalid(`“${found.title}” is already on this path`, 'id');
  }
  return save(db, { ...path, items: [...path.items, item] });
}

export function updateItem(db: Db, actor: User | null | undefined, pathId: string, position: number, input: unknown): Path {
  const path = editablePath(db, actor, pathId);
  const index = itemIndex(path, position);
  const { why } = validate(whySchema, input ?? {});
  return save(db, { ...path, items: path.items.map((item, i) => (i === index ? { ...item, why } : item)) });
}

export function removeItem(db: Db, actor: User | null | undefined, pathId: string, position: number): Path {
  const path = editablePath(db, actor, pathId);
  const index = itemIndex(path, position);
  return save(db, { ...path, items: path.items.filter((_, i) => i !== index) });
}

/** Moves an item one place up or down; at either end it stays where it is. */
export function moveItem(db: Db, actor: User | null | undefined, pathId: string, position: number, input: unknown): Path {
  const path = editablePath(db, actor, pathId);
  const index = itemIndex(path, position);
  const { direction } = validate(moveSchema, input ?? {});
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= path.items.length) return path;
  const items = [...path.items];
  [items[index], items[target]] = [items[target]!, items[index]!];
  return save(db, { ...path, items });
}

/** What the path editor page sends: the name and every item's why as typed, and the button pressed. */
export interface PathForm {
  title: string;
  summary: string;
  whys: string[];
  /** `save`, `add`, or `up:N`, `down:N`, `remove:N` for item N. */
  action: string;
  /** For `add`: the chosen `kind:id` and its why. */
  item: string;
  addWhy: string;
}

const formSchema = z.object({
  title: pathFields.shape.title,
  summary: pathFields.shape.summary,
  items: z.array(whySchema),
});

/**
 * The editor page's one form: everything typed is saved first, then the pressed button acts, all
 * or nothing. So a move or a removal never drops a why typed elsewhere, and Enter (which presses
 * the form's first button, Save) only saves. Returns what happened, for the page to say.
 */
export function submitPathForm(db: Db, actor: User | null | undefined, id: string, form: PathForm): string {
  return writeTransaction(db, () => {
    const path = editablePath(db, actor, id);
    if (form.whys.length !== path.items.length) {
      throw new Conflict('Someone changed this path meanwhile: reload the page to see it, then make your change again.');
    }
    const typed = validate(formSchema, { title: form.title, summary: form.summary, items: form.whys.map((why) => ({ why })) });
    save(db, { ...path, title: typed.title, summary: typed.summary, items: path.items.map((item, i) => ({ ...item, why: typed.items[i]!.why })) });
    // Save with a new item chosen or its why typed adds it too, so nothing typed is dropped.
    const adding = form.action === 'save' && (form.item || form.addWhy.trim()) ? 'add' : form.action;
    const [verb, at] = adding.split(':');
    const position = Number(at);
    if (verb === 'add') {
      if (!form.item) throw new Invalid('Choose the entry or guide to add', 'item');
      const [kind, ...rest] = form.item.split(':');
      const added = addItem(db, actor, id, { kind: kind || undefined, id: rest.join(':') || undefined, why: form.addWhy });
      return `Saved, and added item ${added.items.length}.`;
    }
    if (verb === 'up' || verb === 'down') {
      moveItem(db, actor, id, position, { direction: verb });
      return `Saved, and moved item ${position} ${verb}.`;
    }
    if (verb === 'remove') {
      removeItem(db, actor, id, position);
      return `Saved, and removed item ${position}.`;
    }
    return `Saved “${typed.title}”.`;
  });
}

function editablePath(db: Db, actor: User | null | undefined, id: string): Path {
  requirePermission(actor, 'curateOnboarding');
  const path = findPath(db, id);
  if (!path) throw notFound('path');
  return path;
}

function itemIndex(path: Path, position: number): number {
  if (!Number.isInteger(position) || position < 1 || position > path.items.length) throw notFound('item on this path');
  return position - 1;
}

function save(db: Db, path: Path): Path {
  savePath(db, path);
  return path;
}

// ---- Leads see everyone's progress ------------------------------------------------------------

export interface PersonProgress {
  name: string;
  role: User['role'];
  paths: { id: string; title: string; done: number; total: number }[];
}

export function teamProgress(db: Db, actor: User | null | undefined): { paths: { id: string; title: string }[]; people: PersonProgress[] } {
  requirePermission(actor, 'curateOnboarding');
  const people = listUsers(db).map((person) => ({
    name: person.name,
    role: person.role,
    paths: pathsFor(db, person).map(({ id, title, done, total }) => ({ id, title, done, total })),
  }));
  return { paths: listPaths(db).map(({ id, title }) => ({ id, title })), people };
}

export function personProgress(db: Db, actor: User | null | undefined, name: string): { person: User; paths: PathView[] } {
  requirePermission(actor, 'curateOnboarding');
  const person = findUserByName(db, name);
  if (!person) throw notFound('person');
  return { person, paths: pathsFor(db, person) };
}
