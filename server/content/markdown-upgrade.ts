import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { listEntryIds } from '../entries/entry-queries.ts';
import { deriveAgain } from '../entries/save-entry.ts';
import { listGuides, renderGuideAgain } from '../guides/guide-queries.ts';
import { MARKDOWN_RENDERER } from '../render/markdown.ts';

/** Entries per transaction, so another process's writes wait for one batch at most, not the whole upgrade. */
const BATCH = 200;

const statements = preparedFor((db) => ({
  version: db.prepare<[], number>('SELECT version FROM markdown_renderer').pluck(),
  setVersion: db.prepare<[version: number]>('UPDATE markdown_renderer SET version = ?'),
}));

/**
 * Stored HTML and text are derived from Markdown once, on save. When the renderer changed since they
 * were written (MARKDOWN_RENDERER), derive every entry and guide again, once, at start-up; returns how
 * many entries were done. A second process starting meanwhile finds the version already raised.
 */
export function upgradeRenderedMarkdown(db: Db): number {
  if (statements(db).version.get()! >= MARKDOWN_RENDERER) return 0;
  const ids = listEntryIds(db);
  for (let start = 0; start < ids.length; start += BATCH) {
    writeTransaction(db, () => ids.slice(start, start + BATCH).forEach((id) => deriveAgain(db, id)));
  }
  writeTransaction(db, () => {
    for (const guide of listGuides(db)) renderGuideAgain(db, guide);
    statements(db).setVersion.run(MARKDOWN_RENDERER);
  });
  return ids.length;
}
