import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { Entry, EntryKind, EntryStatus } from './entry.ts';

/** An entry as stored: the Markdown entry plus its rendered HTML and bookkeeping. */
export interface StoredEntry {
  entry: Entry;
  revision: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  categorySlug: string;
  html: {
    summary: string;
    whatToSay: string;
    timeline: string;
    caveats: string;
    followUp: string;
    /** Solutions then alternatives, in page order. */
    options: string[];
  };
}

/** One line in a list of entries (home page, category page). */
export interface EntryListItem {
  id: string;
  title: string;
  kind: EntryKind;
  isUnusual: 0 | 1;
  status: EntryStatus;
  category: string;
  categorySlug: string;
  summary: string;
  updatedAt: string;
}

export interface RevisionInfo {
  number: number;
  author: string;
  summary: string;
  createdAt: string;
}

interface EntryRow {
  id: string; title: string; kind: EntryKind; category: string; category_slug: string;
  language: string; translation_of: string | null; status: EntryStatus; owner: string | null; review_by: string | null;
  summary_md: string; summary_html: string; what_to_say_md: string; what_to_say_html: string;
  timeline_md: string; timeline_html: string; caveats_md: string; caveats_html: string;
  follow_up_md: string; follow_up_html: string; revision: number; created_at: string; updated_at: string;
  created_by: string | null;
}

interface OptionRow { kind: 'solution' | 'alternative'; title: string; body_md: string; body_html: string }

const LIST_COLUMNS = `e.id, e.title, e.kind, e.kind = 'unusual' AS isUnusual, e.status, c.name AS category, c.slug AS categorySlug,
  e.summary_text AS summary, e.updated_at AS updatedAt`;

const statements = preparedFor((db) => ({
  entry: db.prepare<[id: string], EntryRow>(`
    SELECT e.*, c.name AS category, c.slug AS category_slug
    FROM entries e JOIN categories c ON c.id = e.category_id WHERE e.id = ?`),
  tags: db.prepare<[entryId: string], string>('SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY position').pluck(),
  phrasings: db.prepare<[entryId: string], string>('SELECT text FROM entry_phrasings WHERE entry_id = ? ORDER BY position').pluck(),
  options: db.prepare<[entryId: string], OptionRow>('SELECT kind, title, body_md, body_html FROM entry_options WHERE entry_id = ? ORDER BY position'),
  ids: db.prepare<[], string>('SELECT id FROM entries ORDER BY id').pluck(),
  recent: db.prepare<[statusesJson: string, limit: number], EntryListItem>(`
    SELECT ${LIST_COLUMNS} FROM entries e JOIN categories c ON c.id = e.category_id
    WHERE e.status IN (SELECT value FROM json_each(?)) ORDER BY e.updated_at DESC, e.id LIMIT ?`),
  inCategory: db.prepare<[slug: string, statusesJson: string], EntryListItem>(`
    SELECT ${LIST_COLUMNS} FROM entries e JOIN categories c ON c.id = e.category_id
    WHERE c.slug = ? AND e.status IN (SELECT value FROM json_each(?)) ORDER BY e.kind, e.title`),
  latestRevision: db.prepare<[entryId: string], RevisionInfo>(`
    SELECT number, author, summary, created_at AS createdAt FROM revisions
    WHERE entry_id = ? ORDER BY number DESC LIMIT 1`),
  count: db.prepare<[], number>('SELECT count(*) FROM entries').pluck(),
  revision: db.prepare<[id: string], number>('SELECT revision FROM entries WHERE id = ?').pluck(),
  languages: db.prepare<[], string>("SELECT DISTINCT language FROM entries WHERE status <> 'archived' ORDER BY language").pluck(),
}));

export function findEntry(db: Db, id: string): StoredEntry | undefined {
  const s = statements(db);
  const row = s.entry.get(id);
  if (!row) return undefined;
  const options = s.options.all(id);
  const asOption = (o: OptionRow) => ({ title: o.title, body: o.body_md });
  return {
    entry: {
      id: row.id,
      title: row.title,
      kind: row.kind,
      category: row.category,
      tags: s.tags.all(id),
      language: row.language,
      translationOf: row.translation_of,
      status: row.status,
      owner: row.owner,
      reviewBy: row.review_by,
      phrasings: s.phrasings.all(id),
      summary: row.summary_md,
      solutions: options.filter((o) => o.kind === 'solution').map(asOption),
      alternatives: options.filter((o) => o.kind === 'alternative').map(asOption),
      whatToSay: row.what_to_say_md,
      timeline: row.timeline_md,
      caveats: row.caveats_md,
      followUp: row.follow_up_md,
    },
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    categorySlug: row.category_slug,
    html: {
      summary: row.summary_html,
      whatToSay: row.what_to_say_html,
      timeline: row.timeline_html,
      caveats: row.caveats_html,
      followUp: row.follow_up_html,
      options: options.map((o) => o.body_html),
    },
  };
}

export function listEntryIds(db: Db): string[] {
  return statements(db).ids.all();
}

export function countEntries(db: Db): number {
  return statements(db).count.get() ?? 0;
}

/** The entry's current revision number, or null when there is no such entry. */
export function revisionOf(db: Db, id: string): number | null {
  return statements(db).revision.get(id) ?? null;
}

/** `statuses`: what the reader may see (see visibleStatuses). */
export function recentEntries(db: Db, limit: number, statuses: EntryStatus[]): EntryListItem[] {
  return statements(db).recent.all(JSON.stringify(statuses), limit);
}

export function entriesInCategory(db: Db, slug: string, statuses: EntryStatus[]): EntryListItem[] {
  return statements(db).inCategory.all(slug, JSON.stringify(statuses));
}

export function latestRevision(db: Db, id: string): RevisionInfo | undefined {
  return statements(db).latestRevision.get(id);
}

export function listLanguages(db: Db): string[] {
  return statements(db).languages.all();
}
