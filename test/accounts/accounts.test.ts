import { describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../server/accounts/first-run.ts';
import { countUsers, createApiToken, findUserByName } from '../../server/accounts/user-queries.ts';
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

describe('signing in', () => {
  it('asks for an account before showing anything when READ_ACCESS=login', async () => {
    const visitor = app.anonymous();
    expect(await visitor.page('/entries/late-parcel')).toMatchObject({ status: 302, location: '/login?next=%2Fentries%2Flate-parcel' });
    expect(await visitor.json('/api/search?q=parcel')).toMatchObject({ status: 401 });
    expect(await visitor.json('/api/entries/late-parcel')).toMatchObject({ status: 401 });
    expect((await visitor.json('/healthz')).status).toBe(200);
  });

  it('signs in, follows the next page, shows the name, and signs out', async () => {
    await app.as('dana', 'agent');
    const client = app.anonymous();
    await client.page('/login');
    const signedIn = await client.form('/login', { name: 'dana', password: TEST_PASSWORD, next: '/entries/late-parcel' });
    expect(signedIn).toMatchObject({ status: 302, location: '/entries/late-parcel' });
    const { html } = await client.page('/entries/late-parcel');
    expect(html.querySelector('.account-menu__name')!.text).toBe('dana');
    expect((await client.form('/logout', {})).location).toBe('/login');
    expect((await client.page('/entries/late-parcel')).status).toBe(302);
  });

  it('never follows a next page off the site', async () => {
    await app.as('dana', 'agent');
    const client = app.anonymous();
    const { location } = await client.form('/login', { name: 'dana', password: TEST_PASSWORD, next: '//evil.example/' });
    expect(location).toBe('/');
  });

  it('keeps the name and says why when the password is wrong, then throttles', async () => {
    await app.as('eve', 'agent');
    const client = app.anonymous();
    const wrong = await client.form('/login', { name: 'eve', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.html.querySelector('input[name="name"]')!.getAttribute('value')).toBe('eve');
    for (let i = 0; i < 4; i++) await client.form('/login', { name: 'eve', password: 'nope' });
    const blocked = await client.form('/login', { name: 'eve', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.html.querySelector('.form-error')!.text).toMatch(/Try again in \d+ (second|minute)/);
  });

  it('refuses a form without the CSRF token and changes nothing', async () => {
    const admin = await app.as('ada', 'admin');
    const { status } = await admin.form('/admin/users', { name: 'sneaky', role: 'admin' }, { csrf: false });
    expect(status).toBe(403);
    expect(findUserByName(db, 'sneaky')).toBeUndefined();
    const json = await admin.fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: 'sneaky', role: 'admin' }),
    });
    expect(json.status).toBe(403);
    expect(await json.json()).toMatchObject({ field: '_csrf' });
    expect(findUserByName(db, 'sneaky')).toBeUndefined();
  });

  it('accepts a personal API token instead of a session, without CSRF', async () => {
    await app.as('tom', 'lead');
    const { token } = createApiToken(db, findUserByName(db, 'tom')!.id, 'test');
    const api = app.anonymous();
    const headers = { authorization: `Bearer ${token}` };
    expect((await api.json('/api/entries/late-parcel', { headers })).status).toBe(200);
    expect((await api.json('/api/search?q=parcel', { headers: { authorization: 'Bearer pb_wrong' } })).status).toBe(401);
  });

  it('signs in through the API and returns the CSRF token to use', async () => {
    await app.as('tom', 'lead');
    const client = app.anonymous();
    const { status, body } = await client.json('/api/session', { method: 'POST', body: { name: 'tom', password: TEST_PASSWORD } });
    expect(status).toBe(201);
    expect(body.user).toMatchObject({ name: 'tom', role: 'lead' });
    expect(body.csrfToken).toBe(await client.refreshCsrf());
  });
});

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
