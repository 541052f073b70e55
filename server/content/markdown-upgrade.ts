import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { deriveAgain } from '../entries/save-entry.ts';
import { findGuide, renderGuideAgain } from '../guides/guide-queries.ts';
import { MARKDOWN_RENDERER } from '../render/markdown.ts';

/** Entries per transaction, so another process's writes wait for one batch at most, not the whole upgrade. */
const BATCH = 200;

const statements = preparedFor((db) => ({
  olderEntries: db.prepare<[version: number], string>('SELECT id FROM entries WHERE rendered_with < ? ORDER BY id').pluck(),
  olderGuides: db.prepare<[version: number], string>('SELECT id FROM guides WHERE rendered_with < ? ORDER BY id').pluck(),
}));

/**
 * Stored HTML and text are derived from Markdown once, on save, and each row says which renderer
 * wrote it. At start-up, every entry and guide written by an older renderer than MARKDOWN_RENDERER
 * is derived again; returns how many entries were. A second process starting meanwhile finds the
 * rows already done.
 */
export function upgradeRenderedMarkdown(db: Db): number {
  const ids = statements(db).olderEntries.all(MARKDOWN_RENDERER);
  for (let start = 0; start < ids.length; start += BATCH) {
    writeTransaction(db, () => ids.slice(start, start + BATCH).forEach((id) => deriveAgain(db, id)));
  }
  writeTransaction(db, () => {
    for (const id of statements(db).olderGuides.all(MARKDOWN_RENDERER)) renderGuideAgain(db, findGuide(db, id)!);
  });
  return ids.length;
}
