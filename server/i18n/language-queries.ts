import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { Language } from './languages.ts';

const statements = preparedFor((db) => ({
  get: db.prepare('SELECT language FROM users WHERE id = ?').pluck(),
  set: db.prepare('UPDATE users SET language = ? WHERE id = ?'),
}));

/** The person's interface language, or null to follow their browser. */
export function userLanguage(db: Db, userId: number): string | null {
  return (statements(db).get.get(userId) as string | null | undefined) ?? null;
}

export function setUserLanguage(db: Db, userId: number, language: Language | null): void {
  statements(db).set.run(language, userId);
}
