import type { Db } from './connection.ts';

/**
 * Prepares a feature's statements once per database connection. Features keep their SQL beside
 * them and call `statements(db)` where they need it.
 */
export function preparedFor<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = prepare(db)));
    return statements;
  };
}
