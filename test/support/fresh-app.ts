import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/connection.ts';
import { startApp, type Client, type RunningApp } from './app.ts';
import { copyOfDatabase, freshDatabase } from './database.ts';

export interface FreshApp<People> {
  db: Db;
  app: RunningApp;
  /** The clients `signIn` returned, signed in to this app. */
  people: People;
}

export interface StartingPoint<People> {
  /** What every test finds in the (migrated) database. */
  build?: (db: Db) => void | Promise<void>;
  /** Who is signed in when a test starts, e.g. clientsByRole. */
  signIn?: (app: RunningApp) => Promise<People>;
  config?: Partial<Config>;
}

type Use<People> = (fresh: FreshApp<People>) => void;

/**
 * What the tests of a file start from, made once into a template database: importing content and
 * signing in (a slow password hash) is what takes time. Each app gets an in-memory copy of it and
 * the template's signed-in clients pointed at itself: the copy holds their sessions.
 * Call it at the top of a file; then `freshForEachTest` or `sharedByTests` in a file or describe.
 */
export function appTemplate<People extends Record<string, Client> = Record<string, never>>({ build, signIn, config = {} }: StartingPoint<People>) {
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

  async function start(): Promise<FreshApp<People>> {
    const db = copyOfDatabase(template);
    const app = await startApp(db, config);
    const moved = Object.fromEntries(Object.entries(people).map(([key, client]) => [key, client.at(app.url)]));
    return { db, app, people: moved as People };
  }
  async function stop({ db, app }: FreshApp<People>) {
    await app.close();
    db.close();
  }

  return {
    /**
     * A fresh database and app for every test (like sqlite-utils' `fresh_db` fixture), so no test
     * sees what another one wrote and the tests pass in any order; vitest shuffles them. `use`
     * receives them before each test; they are closed after it.
     */
    freshForEachTest(use: Use<People>): void {
      let current: FreshApp<People>;
      beforeEach(async () => use((current = await start())));
      afterEach(() => stop(current));
    },
    /** One database and app for tests that only read, which is safe in any order and saves a start per test. */
    sharedByTests(use: Use<People>): void {
      let shared: FreshApp<People>;
      beforeAll(async () => use((shared = await start())));
      afterAll(() => stop(shared));
    },
  };
}

/** A fresh database and app for every test of the file: see appTemplate. */
export function freshAppForEachTest<People extends Record<string, Client> = Record<string, never>>(
  startingPoint: StartingPoint<People>,
  use: Use<People>,
): void {
  appTemplate(startingPoint).freshForEachTest(use);
}
