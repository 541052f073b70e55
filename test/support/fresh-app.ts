import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/connection.ts';
import { startApp, type Client, type RunningApp } from './app.ts';
import { copyOfDatabase, freshDatabase } from './database.ts';

export interface FreshApp<People> {
  db: Db;
  app: RunningApp;
  /** The clients `signIn` returned, signed in to this test's app. */
  people: People;
}

export interface StartingPoint<People> {
  /** What every test finds in the (migrated) database. */
  build?: (db: Db) => void | Promise<void>;
  /** Who is signed in when a test starts, e.g. clientsByRole. */
  signIn?: (app: RunningApp) => Promise<People>;
  config?: Partial<Config>;
}

/**
 * A fresh database and app for every test of the file (like sqlite-utils' `fresh_db` fixture), so
 * no test sees what another one wrote and the tests pass in any order; vitest shuffles them.
 *
 * Importing content and signing in (a slow password hash) are done once per file, into a template
 * database. Each test gets an in-memory copy of it, its own app, and the template's signed-in
 * clients pointed at that app: the copy holds their sessions. `use` receives them before each
 * test; the app and the copy are closed after it.
 */
export function freshAppForEachTest<People extends Record<string, Client> = Record<string, never>>(
  { build, signIn, config = {} }: StartingPoint<People>,
  use: (fresh: FreshApp<People>) => void,
): void {
  let template: Db;
  let people = {} as People;
  beforeAll(async () => {
    template = freshDatabase();
    await build?.(template);
    if (signIn) {
      const app = await startApp(template, config);
      people = await signIn(app);
      await app.close();
    }
  });
  afterAll(() => template.close());

  let current: FreshApp<People>;
  beforeEach(async () => {
    const db = copyOfDatabase(template);
    const app = await startApp(db, config);
    const moved = Object.fromEntries(Object.entries(people).map(([key, client]) => [key, client.at(app.url)]));
    current = { db, app, people: moved as People };
    use(current);
  });
  afterEach(async () => {
    await current.app.close();
    current.db.close();
  });
}
