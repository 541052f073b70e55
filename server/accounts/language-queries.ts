import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { Language } from '../i18n/languages.ts';

const statements = preparedFor((db) => ({
  set: db.prepare<[language: Language | null, id: number]>('UPDATE users SET language = ? WHERE id = ?'),
}));

/** The person's interface language, or null to follow their browser (read with the person: sessions, tokens). */
export function setUserLanguage(db: Db, userId: number, language: Language | null): void {
  statements(db).set.run(language, userId);
}
