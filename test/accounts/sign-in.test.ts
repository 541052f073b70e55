import { describe, expect, it } from 'vitest';
import { createApiToken, findUserByName } from '../../server/accounts/user-queries.ts';
import type { Db } from '../../server/db/connection.ts';
import { TEST_PASSWORD, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
// READ_ACCESS=login, the default; every test starts with no account at all.
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

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
