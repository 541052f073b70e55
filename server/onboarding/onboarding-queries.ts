import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { EntryStatus } from '../entries/entry.ts';
import { itemKey, type ItemKind, type Path, type PathItem } from './path.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface PathRow { id: string; title: string; summary: string; position: number }
interface ItemRow { path_id: string; kind: ItemKind; item_id: string; why: string }

export interface ReadEntry {
  id: string;
  title: string;
  revision: number;
  readRevision: number | null;
  createdAt: string;
}

const statements = preparedFor((db) => ({
  paths: db.prepare<[], PathRow>('SELECT id, title, summary, position FROM onboarding_paths ORDER BY position, title'),
  items: db.prepare<[], ItemRow>('SELECT path_id, kind, item_id, why FROM onboarding_items ORDER BY path_id, position'),
  upsertPath: db.prepare<{ id: string; title: string; summary: string; order: number; now: string }>(`
    INSERT INTO onboarding_paths (id, title, summary, position, updated_at) VALUES (@id, @title, @summary, @order, @now)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
      position = excluded.position, updated_at = excluded.updated_at`),
  clearItems: db.prepare<[pathId: string]>('DELETE FROM onboarding_items WHERE path_id = ?'),
  insertItem: db.prepare<[pathId: string, position: number, kind: ItemKind, itemId: string, why: string]>('INSERT INTO onboarding_items (path_id, position, kind, item_id, why) VALUES (?, ?, ?, ?, ?)'),
  deletePath: db.prepare<[id: string]>('DELETE FROM onboarding_paths WHERE id = ?'),
  nextOrder: db.prepare<[], number>('SELECT coalesce(max(position), 0) + 1 FROM onboarding_paths').pluck(),
  done: db.prepare<[person: string], { kind: ItemKind; item_id: string }>('SELECT kind, item_id FROM onboarding_done WHERE person = ?'),
  markDone: db.prepare<[person: string, kind: ItemKind, itemId: string, at: string]>('INSERT INTO onboarding_done (person, kind, item_id, done_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
  markNotDone: db.prepare<[person: string, kind: ItemKind, itemId: string]>('DELETE FROM onboarding_done WHERE person = ? AND kind = ? AND item_id = ?'),
  entryTitles: db.prepare<[], { id: string; title: string; status: EntryStatus; created_by: string | null }>('SELECT id, title, status, created_by FROM entries'),
  guideTitles: db.prepare<[], { id: string; title: string }>('SELECT id, title FROM guides'),
  recordRead: db.prepare<[person: string, entryId: string, revision: number, at: string]>(`
    INSERT INTO entry_reads (person, entry_id, revision, read_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (person, entry_id) DO UPDATE SET revision = excluded.revision, read_at = excluded.read_at`),
  changed: db.prepare<[person: string], ReadEntry>(`
    SELECT e.id, e.title, e.revision, r.revision AS readRevision, e.created_at AS createdAt
    FROM entry_reads r JOIN entries e ON e.id = r.entry_id
    WHERE r.person = ? AND e.status = 'vetted' AND e.revision > r.revision ORDER BY e.updated_at DESC`),
  created: db.prepare<[since: string, person: string], ReadEntry>(`
    SELECT e.id, e.title, e.revision, NULL AS readRevision, e.created_at AS createdAt FROM entries e
    WHERE e.status = 'vetted' AND e.created_at > ?
      AND NOT EXISTS (SELECT 1 FROM entry_reads r WHERE r.person = ? AND r.entry_id = e.id)
    ORDER BY e.created_at DESC`),
  seenAt: db.prepare<{ person: string }, string>(`
    SELECT coalesce((SELECT seen_at FROM onboarding_seen WHERE person = @person),
                    (SELECT created_at FROM users WHERE name = @person), '')`).pluck(),
  setSeen: db.prepare<[person: string, at: string]>(`
    INSERT INTO onboarding_seen (person, seen_at) VALUES (?, ?)
    ON CONFLICT (person) DO UPDATE SET seen_at = excluded.seen_at`),
}));

/** Every path with its items in order, paths in their order. */
export function listPaths(db: Db): Path[] {
  const s = statements(db);
  const items = new Map<string, PathItem[]>();
  for (const row of s.items.all()) {
    const list = items.get(row.path_id) ?? [];
    list.push({ kind: row.kind, id: row.item_id, why: row.why });
    items.set(row.path_id, list);
  }
  return s.paths.all().map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    order: row.position,
    items: items.get(row.id) ?? [],
  }));
}

export function findPath(db: Db, id: string): Path | undefined {
  return listPaths(db).find((path) => path.id === id);
}

export function nextPathOrder(db: Db): number {
  return statements(db).nextOrder.get() ?? 1;
}

/** Stores a path and replaces its items; the one write path for imports and the leads' edits. */
export function savePath(db: Db, path: Path): void {
  const s = statements(db);
  writeTransaction(db, () => {
    s.upsertPath.run({ ...path, now: new Date().toISOString() });
    s.clearItems.run(path.id);
    path.items.forEach((item, i) => s.insertItem.run(path.id, i + 1, item.kind, item.id, item.why));
  });
}

export function deletePath(db: Db, id: string): boolean {
  return statements(db).deletePath.run(id).changes > 0;
}

/** The items this person has marked done (or read to the end), as `kind:id` keys. */
export function doneKeys(db: Db, person: string): Set<string> {
  const rows = statements(db).done.all(person);
  return new Set(rows.map((row) => itemKey({ kind: row.kind, id: row.item_id })));
}

export function setDone(db: Db, person: string, item: { kind: ItemKind; id: string }, done: boolean): void {
  const s = statements(db);
  if (done) s.markDone.run(person, item.kind, item.id, new Date().toISOString());
  else s.markNotDone.run(person, item.kind, item.id);
}

export interface Titled { title: string; status?: EntryStatus; createdBy?: string | null }

/** Titles of every entry and guide by `kind:id`, with an entry's status (who may see it). */
export function itemTitles(db: Db): Map<string, Titled> {
  const s = statements(db);
  const titles = new Map<string, Titled>();
  for (const row of s.entryTitles.all()) {
    titles.set(itemKey({ kind: 'entry', id: row.id }), { title: row.title, status: row.status, createdBy: row.created_by });
  }
  for (const row of s.guideTitles.all()) {
    titles.set(itemKey({ kind: 'guide', id: row.id }), { title: row.title });
  }
  return titles;
}

export function recordRead(db: Db, person: string, entryId: string, revision: number): void {
  statements(db).recordRead.run(person, entryId, revision, new Date().toISOString());
}

/** Vetted entries this person read whose current revision is newer than the one they read. */
export function changedSinceRead(db: Db, person: string): ReadEntry[] {
  return statements(db).changed.all(person);
}

/** Vetted entries created since this person last looked (or since their account was made), unread. */
export function newSinceSeen(db: Db, person: string): ReadEntry[] {
  const s = statements(db);
  return s.created.all(s.seenAt.get({ person }) ?? '', person);
}

export function setSeen(db: Db, person: string, at: string): void {
  statements(db).setSeen.run(person, at);
}
