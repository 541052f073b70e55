import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { recordChange } from '../db/changes.ts';
import { preparedFor } from '../db/prepared.ts';
import { MARKDOWN_RENDERER, markdownToText, renderMarkdown } from '../render/markdown.ts';
import { categoryIdFor } from './category-ids.ts';
import { PROSE_SECTIONS, type Entry } from './entry.ts';
import { findEntry, revisionOf } from './entry-queries.ts';

export interface SaveContext {
  author: string;
  /** Why the change was made, shown in the history. */
  summary: string;
  /** Who first wrote the entry, when this save creates it (defaults to the author). */
  createdBy?: string;
}

export interface SaveResult {
  revision: number;
  changed: boolean;
  created: boolean;
}

/**
 * The one write path for entries. In one transaction: store the entry with its rendered HTML and
 * plain text (triggers keep the full-text index in step), record a revision, bump the change
 * sequence. An entry that is saved unchanged records nothing.
 */
export function saveEntry(db: Db, entry: Entry, context: SaveContext): SaveResult {
  return writeTransaction(db, (): SaveResult => {
    const current = findEntry(db, entry.id);
    if (current && sameEntry(current.entry, entry)) {
      return { revision: current.revision, changed: false, created: false };
    }
    const revision = (current?.revision ?? 0) + 1;
    const now = new Date().toISOString();
    const row = entryRow(db, entry, revision, now);
    if (current) {
      statements(db).update.run(row);
    } else {
      statements(db).insert.run({ ...row, created_at: now, created_by: context.createdBy ?? context.author });
    }
    writeLists(db, entry);
    statements(db).revision.run({
      entry_id: entry.id,
      number: revision,
      author: context.author,
      summary: context.summary,
      created_at: now,
      snapshot: JSON.stringify(entry),
    });
    recordChange(db, 'entry', entry.id, now);
    return { revision, changed: true, created: !current };
  });
}

/**
 * Derives an entry's stored HTML and plain text again from its Markdown, after the renderer changed.
 * Not an edit: no revision, the same updated_at; the change sequence moves so search reads the new text.
 */
export function deriveAgain(db: Db, id: string): void {
  const stored = findEntry(db, id);
  if (!stored) return;
  statements(db).update.run(entryRow(db, stored.entry, stored.revision, stored.updatedAt));
  writeLists(db, stored.entry);
  recordChange(db, 'entry', id, new Date().toISOString());
}

function sameEntry(a: Entry, b: Entry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type EntryColumns = ReturnType<typeof entryRow>;

function entryRow(db: Db, entry: Entry, revision: number, now: string) {
  const prose = Object.fromEntries(
    PROSE_SECTIONS.flatMap(({ key }) => {
      const column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      return [
        [`${column}_md`, entry[key]],
        [`${column}_html`, renderMarkdown(entry[key])],
      ];
    }),
  );
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    category_id: categoryIdFor(db, entry.category),
    language: entry.language,
    translation_of: entry.translationOf,
    translation_source_revision: entry.translationOf ? revisionOf(db, entry.translationOf) : null,
    status: entry.status,
    owner: entry.owner,
    review_by: entry.reviewBy,
    summary_md: entry.summary,
    summary_html: renderMarkdown(entry.summary),
    ...prose,
    phrasings_text: entry.phrasings.join('\n'),
    tags_text: entry.tags.join(' '),
    summary_text: markdownToText(entry.summary),
    body_text: bodyParts(entry).map((part) => part.text).join('\n'),
    revision,
    updated_at: now,
    rendered_with: MARKDOWN_RENDERER,
  };
}

function writeLists(db: Db, entry: Entry): void {
  const s = statements(db);
  for (const clear of [s.clearTags, s.clearPhrasings, s.clearOptions]) clear.run(entry.id);
  entry.tags.forEach((tag, i) => s.tag.run(entry.id, i + 1, tag));
  entry.phrasings.forEach((text, i) => s.phrasing.run(entry.id, i + 1, text));
  const options = [
    ...entry.solutions.map((o) => ({ ...o, kind: 'solution' })),
    ...entry.alternatives.map((o) => ({ ...o, kind: 'alternative' })),
  ];
  options.forEach((o, i) => s.option.run(entry.id, i + 1, o.kind, o.title, o.body, renderMarkdown(o.body)));
}

const COLUMNS = [
  'title', 'kind', 'category_id', 'language', 'translation_of', 'translation_source_revision', 'status', 'owner', 'review_by',
  'summary_md', 'summary_html', 'what_to_say_md', 'what_to_say_html', 'timeline_md', 'timeline_html',
  'caveats_md', 'caveats_html', 'follow_up_md', 'follow_up_html',
  'phrasings_text', 'tags_text', 'summary_text', 'body_text', 'revision', 'updated_at', 'rendered_with',
];

const INSERT_COLUMNS = ['id', ...COLUMNS, 'created_at', 'created_by'];

const statements = preparedFor((db) => ({
    insert: db.prepare<EntryColumns & { created_at: string; created_by: string }>(
      `INSERT INTO entries (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
    update: db.prepare<EntryColumns>(`UPDATE entries SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`),
    revision: db.prepare<{ entry_id: string; number: number; author: string; summary: string; created_at: string; snapshot: string }>(
      `INSERT INTO revisions (entry_id, number, author, summary, created_at, snapshot)
       VALUES (@entry_id, @number, @author, @summary, @created_at, @snapshot)`,
    ),
    clearTags: db.prepare<[entryId: string]>('DELETE FROM entry_tags WHERE entry_id = ?'),
    clearPhrasings: db.prepare<[entryId: string]>('DELETE FROM entry_phrasings WHERE entry_id = ?'),
    clearOptions: db.prepare<[entryId: string]>('DELETE FROM entry_options WHERE entry_id = ?'),
    tag: db.prepare<[entryId: string, position: number, tag: string]>('INSERT INTO entry_tags (entry_id, position, tag) VALUES (?, ?, ?)'),
    phrasing: db.prepare<[entryId: string, position: number, text: string]>('INSERT INTO entry_phrasings (entry_id, position, text) VALUES (?, ?, ?)'),
    option: db.prepare<[entryId: string, position: number, kind: string, title: string, bodyMd: string, bodyHtml: string]>(
      'INSERT INTO entry_options (entry_id, position, kind, title, body_md, body_html) VALUES (?, ?, ?, ?, ?, ?)',
    ),
}));

/**
 * The sections body_text is made of, in order, each named as the entry page shows it (empty ones
 * left out): the full-text index's body column, which "find in every entry" splits back into them.
 */
export function bodyParts(entry: Entry): { section: string; text: string }[] {
  return [
    ...entry.solutions.map((o) => ({ section: `Solution: ${o.title}`, text: `${o.title}. ${markdownToText(o.body)}` })),
    ...entry.alternatives.map((o) => ({ section: `Alternative: ${o.title}`, text: `${o.title}. ${markdownToText(o.body)}` })),
    ...PROSE_SECTIONS.map(({ key, heading }) => ({ section: heading, text: markdownToText(entry[key]) })),
  ].filter((part) => part.text);
}
