import { expect } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import type { Client } from './app.ts';

/** Flags an entry through the API as `client`; the test fails unless the flag is taken. */
export async function flagEntry(client: Client, entry: string, reason = 'outdated', comment = ''): Promise<{ id: number }> {
  const { status, body } = await client.json(`/api/entries/${entry}/flags`, { method: 'POST', body: { reason, comment } });
  expect(status).toBe(201);
  return body as { id: number };
}

/** How many flags are in this state. */
export const countFlags = (db: Db, state = 'open') => db.prepare('SELECT count(*) FROM flags WHERE state = ?').pluck().get(state) as number;
