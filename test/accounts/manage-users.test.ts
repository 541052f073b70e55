import { describe, expect, it } from 'vitest';
import { countUsers, findUserByName } from '../../server/accounts/user-queries.ts';
import type { Db } from '../../server/db/connection.ts';
import { freshDatabase } from '../support/database.ts';
import { startApp, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
// READ_ACCESS=login, the default; every test starts with no account at all.
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

describe('managing users', () => {
  it('lets an admin add a user (password shown once), change a role and reset a password', async () => {
    const admin = await app.as('ada', 'admin');
    const created = await admin.form('/admin/users', { name: 'newbie', role: 'agent' });
    const password = created.html.querySelector('[data-secret]')!.text;
    expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    const newbie = app.anonymous();
    expect((await newbie.form('/login', { name: 'newbie', password })).status).toBe(302);

    await admin.form('/admin/users/newbie/role', { role: 'lead' });
    expect(findUserByName(db, 'newbie')?.role).toBe('lead');

    const reset = await admin.json('/api/users/newbie/password', { method: 'POST', body: {} });
    expect(reset.body.password).not.toBe(password);
    expect((await newbie.page('/')).status).toBe(302); // signed out everywhere by the reset
  });

  it('answers bad input with the field at fault', async () => {
    const admin = await app.as('ada', 'admin');
    expect(await admin.json('/api/users', { method: 'POST', body: { name: 'x', role: 'agent' } })).toMatchObject({ status: 400, body: { field: 'name' } });
    expect(await admin.json('/api/users', { method: 'POST', body: { name: 'valid.name', role: 'boss' } })).toMatchObject({ status: 400, body: { field: 'role' } });
    expect(await admin.json('/api/users', { method: 'POST', body: { name: 'ada', role: 'agent' } })).toMatchObject({ status: 409, body: { field: 'name' } });
  });

  it('keeps at least one admin', async () => {
    const db2 = freshDatabase();
    const solo = await startApp(db2);
    const admin = await solo.as('only', 'admin');
    const { status, body } = await admin.json('/api/users/only/role', { method: 'POST', body: { role: 'agent' } });
    expect(status).toBe(409);
    expect(body.error).toMatch(/last admin/);
    await solo.close();
  });

  it.each([
    ['agent', 403],
    ['lead', 403],
  ] as const)('refuses user management to a %s', async (role, status) => {
    const client = await app.as(`${role}-x`, role);
    const before = countUsers(db);
    expect((await client.json('/api/users', { method: 'POST', body: { name: 'someone', role: 'admin' } })).status).toBe(status);
    expect((await client.page('/admin/users')).status).toBe(status);
    expect(countUsers(db)).toBe(before);
  });
});
