import { describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../server/accounts/first-run.ts';
import { findUserByName } from '../../server/accounts/user-queries.ts';
import type { Db } from '../../server/db/connection.ts';
import { freshDatabase } from '../support/database.ts';
import { startApp, TEST_PASSWORD, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
// READ_ACCESS=login, the default; every test starts with no account at all.
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

describe('first run', () => {
  it('creates the first admin through the one-time link, and the link works once', async () => {
    const token = issueSetupToken(db)!;
    expect(token).toBeTruthy();
    const visitor = app.anonymous();
    expect((await visitor.page('/login')).html.querySelector('.notice--info')!.text).toMatch(/setup link in its console/);
    expect((await visitor.page(`/setup/${token}`)).status).toBe(200);

    const short = await visitor.form(`/setup/${token}`, { name: 'root', password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    expect(short.html.querySelector('.form-error')!.text).toMatch(/at least 10 characters/);
    expect(short.html.querySelector('input[name="name"]')!.getAttribute('value')).toBe('root');

    const done = await visitor.form(`/setup/${token}`, { name: 'root', password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    expect(done).toMatchObject({ status: 302, location: '/admin/users' });
    expect(findUserByName(db, 'root')?.role).toBe('admin');

    const again = await app.anonymous().form(`/setup/${token}`, { name: 'intruder', password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    expect(again.status).toBe(410);
    expect(findUserByName(db, 'intruder')).toBeUndefined();
    expect(issueSetupToken(db)).toBeNull();
    expect((await app.anonymous().page('/login')).html.querySelector('.notice--info')).toBeNull();
  });

  it('has a JSON twin that also works once', async () => {
    const fresh = freshDatabase();
    const solo = await startApp(fresh);
    const token = issueSetupToken(fresh)!;
    const client = solo.anonymous();
    await client.fetch('/login');
    const body = { name: 'root', password: TEST_PASSWORD };
    expect(await client.json(`/api/setup/${token}`, { method: 'POST', body: { ...body, password: 'x' } })).toMatchObject({ status: 400, body: { field: 'password' } });
    expect(await client.json(`/api/setup/${token}`, { method: 'POST', body })).toMatchObject({ status: 201, body: { user: { name: 'root', role: 'admin' } } });
    expect((await client.json(`/api/setup/${token}`, { method: 'POST', body: { ...body, name: 'again' } })).status).toBe(410);
    await solo.close();
  });
});
