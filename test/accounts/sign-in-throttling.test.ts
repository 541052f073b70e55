import { describe, expect, it } from 'vitest';
import { ADDRESS_LIMIT, NAME_LIMIT, WINDOW_MS, waitMs } from '../../server/accounts/login-throttle.ts';
import { createUser } from '../../server/accounts/user-queries.ts';
import type { Db } from '../../server/db/connection.ts';
import { startApp, TEST_PASSWORD, type RunningApp } from '../support/app.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest(
  {
    build: async (db) => {
      for (const name of ['par', 'seq', 'ida', 'joe']) await createUser(db, name, 'agent', TEST_PASSWORD);
    },
    config: { trustProxy: 'loopback' },
  },
  (fresh) => ({ db, app } = fresh),
);

const signIn = (name: string, password: string, from = '203.0.113.1') =>
  app.anonymous().json('/api/session', { method: 'POST', body: { name, password }, headers: { 'x-forwarded-for': from } });

/** Wrong passwords for a name until it is slowed down, as the first test does with 30. */
async function guessUntilThrottled(name: string) {
  for (let i = 0; i <= NAME_LIMIT.free; i++) await signIn(name, `guess ${i}`);
}

const tally = (statuses: number[]) => ({ refused401: statuses.filter((s) => s === 401).length, throttled429: statuses.filter((s) => s === 429).length });

describe('sign-in throttling', () => {
  it('throttles 30 parallel guesses exactly like 30 sequential ones, and a right password after them waits too', async () => {
    const parallel = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn('par', `guess ${i}`, '203.0.113.10')));
    const sequential: number[] = [];
    for (let i = 0; i < 30; i++) sequential.push((await signIn('seq', `guess ${i}`, '203.0.113.11')).status);

    expect(tally(parallel.map((r) => r.status))).toEqual({ refused401: NAME_LIMIT.free, throttled429: 30 - NAME_LIMIT.free });
    expect(tally(sequential)).toEqual(tally(parallel.map((r) => r.status)));

    const owner = app.anonymous();
    const right = await owner.fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.12', 'x-csrf-token': await owner.refreshCsrf() },
      body: JSON.stringify({ name: 'par', password: TEST_PASSWORD }),
    });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await right.json()).error).toMatch(/Too many failed sign-ins\. Try again in \d+ seconds?/);

    // The audit log has every failure, but a flood of throttled tries from one address is one row that counts them.
    const rows = (action: string) => db.prepare('SELECT ip, detail FROM audit_log WHERE action = ? AND subject = ? ORDER BY id').all(action, 'par');
    expect(rows('sign_in_failed')).toHaveLength(NAME_LIMIT.free);
    expect(rows('sign_in_throttled')).toEqual([
      { ip: '203.0.113.10', detail: `too many failures for this name · ${30 - NAME_LIMIT.free} tries` },
      { ip: '203.0.113.12', detail: 'too many failures for this name' },
    ]);
  });

  it('slows a name down but never locks it for good: once its failures age out, the owner signs in', async () => {
    await guessUntilThrottled('par');
    expect((await signIn('par', TEST_PASSWORD)).status).toBe(429);
    db.prepare("UPDATE login_attempts SET at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-16 minutes') WHERE name = 'par'").run();
    expect((await signIn('par', TEST_PASSWORD)).status).toBe(201);
  });

  it('backs off exponentially from the last try, up to a cap', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const justNow = new Date(now).toISOString();
    expect(waitMs(NAME_LIMIT, NAME_LIMIT.free - 1, justNow, now)).toBe(0);
    expect(waitMs(NAME_LIMIT, NAME_LIMIT.free, justNow, now)).toBe(NAME_LIMIT.firstWaitMs);
    expect(waitMs(NAME_LIMIT, NAME_LIMIT.free + 2, justNow, now)).toBe(4 * NAME_LIMIT.firstWaitMs);
    expect(waitMs(NAME_LIMIT, 1000, justNow, now)).toBe(NAME_LIMIT.maxWaitMs);
    expect(NAME_LIMIT.maxWaitMs).toBeLessThanOrEqual(WINDOW_MS);
    const aMinuteAgo = new Date(now - 60_000).toISOString();
    expect(waitMs(NAME_LIMIT, NAME_LIMIT.free + 1, aMinuteAgo, now)).toBe(0); // 30 s wait, already over
  });

  it('limits per address behind a trusted proxy: one office address is slowed, the others are not', async () => {
    const office = '198.51.100.7';
    for (let i = 0; i < ADDRESS_LIMIT.free; i++) expect((await signIn(`nobody${i}`, 'wrong', office)).status).toBe(401);
    const blocked = await signIn('ida', TEST_PASSWORD, office);
    expect(blocked.status).toBe(429);
    expect((await signIn('ida', TEST_PASSWORD, '198.51.100.8')).status).toBe(201);
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so it cannot be used to dodge the limit', async () => {
    const direct = await startApp(db, { trustProxy: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < ADDRESS_LIMIT.free + 1; i++) {
        const response = await direct.anonymous().json('/api/session', {
          method: 'POST',
          body: { name: `spoof${i}`, password: 'wrong' },
          headers: { 'x-forwarded-for': `192.0.2.${i}` },
        });
        statuses.push(response.status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect(db.prepare("SELECT count(DISTINCT ip) FROM login_attempts WHERE name LIKE 'spoof%'").pluck().get()).toBe(1);
    } finally {
      await direct.close();
    }
  });
});
