import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { recordChange } from '../db/changes.ts';
import { preparedFor } from '../db/prepared.ts';
import { MARKDOWN_RENDERER, renderMarkdown } from '../render/markdown.ts';
import type { Guide } from './guide.ts';

export interface StoredGuide extends Guide {
  html: string;
  updatedAt: string;
}

interface GuideRow {
  id: string; title: string; summary: string; position: number; body_md: string; body_html: string; updated_at: string;
}

const statements = preparedFor((db) => ({
  find: db.prepare<[id: string], GuideRow>('SELECT * FROM guides WHERE id = ?'),
  all: db.prepare<[], GuideRow>('SELECT * FROM guides ORDER BY position, title'),
  html: db.prepare<[html: string, id: string]>(`UPDATE guides SET body_html = ?, rendered_with = ${MARKDOWN_RENDERER} WHERE id = ?`),
  upsert: db.prepare<Guide & { html: string; now: string }>(`
    INSERT INTO guides (id, title, summary, position, body_md, body_html, updated_at, rendered_with)
    VALUES (@id, @title, @summary, @order, @body, @html, @now, ${MARKDOWN_RENDERER})
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
      position = excluded.position, body_md = excluded.body_md, body_html = excluded.body_html,
      updated_at = excluded.updated_at, rendered_with = excluded.rendered_with`),
}));

function fromRow(row: GuideRow): StoredGuide {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    order: row.position,
    body: row.body_md,
    html: row.body_html,
    updatedAt: row.updated_at,
  };
}

/** Renders a guide's stored HTML again from its Markdown, after the renderer changed (not an edit). */
export function renderGuideAgain(db: Db, guide: StoredGuide): void {
  statements(db).html.run(renderMarkdown(guide.body), guide.id);
}

/** Stores a guide when it differs from the stored one; returns whether it changed. */
export function saveGuide(db: Db, guide: Guide): boolean {
  return writeTransaction(db, () => {
    const current = findGuide(db, guide.id);
    const same =
      current &&
      current.title === guide.title &&
      current.summary === guide.summary &&
      current.order === guide.order &&
      current.body === guide.body;
    if (same) return false;
    const now = new Date().toISOString();
    statements(db).upsert.run({ ...guide, html: renderMarkdown(guide.body), now });
    recordChange(db, 'guide', guide.id, now);
    return true;
  });
}

export function findGuide(db: Db, id: string): StoredGuide | undefined {
  const row = statements(db).find.get(id);
  return row && fromRow(row);
}

export function listGuides(db: Db): StoredGuide[] {
  return statements(db).all.all().map(fromRow);
}
