import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiToken, createUser, findUserByName } from '../../server/accounts/user-queries.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import type { Client, RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ app } = fresh));

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function newToken(client: Client, name: string): Promise<{ id: number; token: string }> {
  const { status, body } = await client.json('/api/account/tokens', { method: 'POST', body: { name } });
  expect(status).toBe(201);
  return body;
}

describe('personal API tokens', () => {
  it('are named, listed with their last use, and revoked one at a time by their owner only', async () => {
    const ann = await app.as('ann', 'agent');
    const crm = await newToken(ann, 'CRM sync');
    const other = await newToken(ann, 'laptop');

    let list = (await ann.json('/api/account/tokens')).body.tokens;
    expect(list).toEqual([
      { id: other.id, name: 'laptop', createdAt: expect.any(String), lastUsedAt: null },
      { id: crm.id, name: 'CRM sync', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect((await app.anonymous().json('/api/entries/late-parcel', bearer(crm.token))).status).toBe(200);
    list = (await ann.json('/api/account/tokens')).body.tokens;
    expect(list.find((t: { id: number }) => t.id === crm.id).lastUsedAt).toEqual(expect.any(String));

    // Someone else cannot revoke (or even see) ann's token.
    const bob = await app.as('bob', 'lead');
    expect((await bob.json('/api/account/tokens')).body.tokens).toEqual([]);
    const foreign = await bob.json(`/api/account/tokens/${crm.id}`, { method: 'DELETE' });
    expect(foreign).toMatchObject({ status: 404, body: { field: 'id' } });
    expect((await app.anonymous().json('/api/entries/late-parcel', bearer(crm.token))).status).toBe(200);

    expect((await ann.json(`/api/account/tokens/${crm.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await app.anonymous().json('/api/entries/late-parcel', bearer(crm.token));
    expect(revoked).toMatchObject({ status: 401, body: { error: expect.stringMatching(/revoked/) } });
    expect((await app.anonymous().json('/api/entries/late-parcel', bearer(other.token))).status).toBe(200);
    expect((await ann.json('/api/account/tokens/abc', { method: 'DELETE' })).status).toBe(400);
  });

  it('a token can revoke itself, without CSRF', async () => {
    const cy = await app.as('cy', 'agent');
    const { id, token } = await newToken(cy, 'script');
    const api = app.anonymous();
    expect((await api.json(`/api/account/tokens/${id}`, { method: 'DELETE', ...bearer(token) })).status).toBe(204);
    expect((await api.json('/api/account/tokens', bearer(token))).status).toBe(401);
  });

  it('are created, listed and revoked on the account page', async () => {
    const dee = await app.as('dee', 'agent');
    const created = await dee.form('/account/tokens', { name: 'Zapier\nbot' });
    expect(created.status).toBe(200);
    const shown = created.html.querySelector('.secret code')!.text;
    expect(shown).toMatch(/^pb_/);
    const row = created.html.querySelector('.token-table tbody tr')!;
    expect(row.querySelector('strong')!.text).toBe('Zapier bot'); // a line break folds into a space
    expect(row.text).toMatch(/never/);

    const action = row.querySelector('form')!.getAttribute('action')!;
    const revoked = await dee.form(action, {});
    expect(revoked).toMatchObject({ status: 302, location: '/account' });
    const page = await dee.page('/account');
    expect(page.html.querySelector('.flash')!.text).toMatch(/Revoked the token “Zapier bot”/);
    expect(page.html.querySelector('.token-table')).toBeNull();
    expect((await app.anonymous().json('/api/search?q=parcel', bearer(shown))).status).toBe(401);

    const tooLong = await dee.form('/account/tokens', { name: 'x'.repeat(61) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html.querySelector('.form-error')!.text).toMatch(/name must be at most 60 characters/);
  });
});

describe('a new password or role ends every session and token', () => {
  async function signedInWithToken(name: string) {
    const person = await app.as(name, 'agent');
    const { token } = await newToken(person, 'tool');
    expect((await person.page('/account')).status).toBe(200);
    return { person, token };
  }

  async function expectLockedOut({ person, token }: { person: Client; token: string }) {
    expect((await app.anonymous().json('/api/search?q=parcel', bearer(token))).status).toBe(401);
    const page = await person.page('/account');
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login/);
  }

  it('after an admin resets the password (API and page)', async () => {
    const admin = await app.as('boss', 'admin');
    const viaApi = await signedInWithToken('eli');
    expect((await admin.json('/api/users/eli/password', { method: 'POST', body: {} })).status).toBe(200);
    await expectLockedOut(viaApi);

    const viaPage = await signedInWithToken('fay');
    expect((await admin.form('/admin/users/fay/password', {})).status).toBe(200);
    await expectLockedOut(viaPage);
  });

  it('after a role change (API and page), but not after choosing the same role', async () => {
    const admin = await app.as('boss', 'admin');
    const viaApi = await signedInWithToken('gus');
    expect((await admin.json('/api/users/gus/role', { method: 'POST', body: { role: 'lead' } })).status).toBe(200);
    await expectLockedOut(viaApi);

    const viaPage = await signedInWithToken('hal');
    expect((await admin.form('/admin/users/hal/role', { role: 'agent' })).status).toBe(200);
    expect((await app.anonymous().json('/api/search?q=parcel', bearer(viaPage.token))).status).toBe(200);
    expect((await admin.form('/admin/users/hal/role', { role: 'lead' })).status).toBe(200);
    await expectLockedOut(viaPage);
  });
});

describe('npm run user -- tokens / revoke / reset-password', () => {
  it('lists and revokes tokens, and a password reset ends the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-user-cli-'));
    const dbPath = join(dir, 'cli.db');
    const fileDb = openDatabase(dbPath);
    migrate(fileDb);
    await createUser(fileDb, 'maria', 'lead', 'a long enough password');
    fileDb.close();
    const user = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], { env: { ...process.env, DB_PATH: dbPath }, encoding: 'utf8' });

    // One process per command, as an operator runs them; the second token comes straight from the database.
    expect(user('token', 'maria', '--name', 'CRM')).toMatch(/Token #1 “CRM” \(shown once\):\npb_/);
    const fileDb2 = openDatabase(dbPath);
    createApiToken(fileDb2, findUserByName(fileDb2, 'maria')!.id, 'laptop');
    fileDb2.close();
    expect(user('tokens', 'maria')).toMatch(/^#2\tlaptop\tcreated .*\tlast used never\n#1\tCRM\t/);
    expect(user('revoke', 'maria', '1')).toMatch(/Revoked token #1 “CRM” of maria/);
    user('reset-password', 'maria');

    const check = openDatabase(dbPath);
    expect(check.prepare('SELECT count(*) FROM api_tokens').pluck().get()).toBe(0); // the reset ended "laptop" too
    const actions = check.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions).toEqual(['token_created', 'token_revoked', 'password_reset']);
    check.close();
  }, 60_000);
});

