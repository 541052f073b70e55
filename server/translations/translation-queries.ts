import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { EntryStatus } from '../entries/entry.ts';
import type { TranslationLink } from './translation-rules.ts';

/** The translation links as stored (entries.translation_of, migration 0014). */

export interface GroupMember {
  id: string;
  title: string;
  language: string;
  status: EntryStatus;
  createdBy: string | null;
  revision: number;
  translationOf: string | null;
  /** On a translation: the source's revision when a lead last saved or verified it. */
  sourceRevision: number | null;
}

const MEMBER_COLUMNS = `id, title, language, status, created_by AS createdBy, revision,
  translation_of AS translationOf, translation_source_revision AS sourceRevision`;

const statements = preparedFor((db) => ({
  confirm: db.prepare<[id: string]>(`UPDATE entries SET translation_source_revision = (SELECT s.revision FROM entries s WHERE s.id = entries.translation_of)
    WHERE id = ? AND translation_of IS NOT NULL`),
  group: db.prepare<{ source: string }, GroupMember>(`SELECT ${MEMBER_COLUMNS} FROM entries WHERE id = @source OR translation_of = @source ORDER BY translation_of IS NOT NULL, language`),
  groupOf: db.prepare<[id: string], string>('SELECT coalesce(translation_of, id) FROM entries WHERE id = ?').pluck(),
  translations: db.prepare<[], GroupMember>(`SELECT ${MEMBER_COLUMNS} FROM entries WHERE translation_of IS NOT NULL ORDER BY translation_of, language`),
  links: db.prepare<[], TranslationLink>('SELECT id, language, translation_of AS translationOf FROM entries'),
}));

/** A lead verified the translation: it now matches the source's current revision. */
export function confirmTranslation(db: Db, id: string): void {
  statements(db).confirm.run(id);
}

/** The whole group an entry belongs to: its source first, then the translations by language. */
export function translationGroup(db: Db, id: string): GroupMember[] {
  const source = statements(db).groupOf.get(id);
  return source ? statements(db).group.all({ source }) : [];
}

export function allTranslations(db: Db): GroupMember[] {
  return statements(db).translations.all();
}

export function storedLinks(db: Db): TranslationLink[] {
  return statements(db).links.all();
}
