import { describe, expect, it } from 'vitest';
import { createApiToken, findUserByName } from '../../server/accounts/user-queries.ts';
import type { Db } from '../../server/db/connection.ts';
import { startApp, TEST_PASSWORD, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

const flag = { reason: 'unclear', comment: 'which form?' };

describe('CSRF', () => {
  it('binds the token to the session and rotates it at sign-in', async () => {
    const client = app.anonymous();
    const before = await client.refreshCsrf();
    await app.as('kim', 'agent'); // creates the account
    const signedIn = await client.json('/api/session', { method: 'POST', body: { name: 'kim', password: TEST_PASSWORD } });
    expect(signedIn.status).toBe(201);
    const after = await client.refreshCsrf();
    expect(signedIn.body.csrfToken).toBe(after);
    expect(after).not.toBe(before);

    // The token seen before sign-in no longer works.
    const stale = await client.json('/api/entries/late-parcel/flags', { method: 'POST', body: flag, headers: { 'x-csrf-token': before } });
    expect(stale).toMatchObject({ status: 403, body: { field: '_csrf' } });

    // Another session's token does not work with this session.
    const other = await app.as('lou', 'agent');
    const crossed = await client.json('/api/entries/late-parcel/flags', { method: 'POST', body: flag, headers: { 'x-csrf-token': other.csrfToken } });
    expect(crossed.status).toBe(403);

    expect((await client.json('/api/entries/late-parcel/flags', { method: 'POST', body: flag })).status).toBe(201);
  });

  it('refuses a write from a foreign Origin (or Referer) even with the right token', async () => {
    const lead = await app.as('mo', 'lead');
    const foreign = await lead.json('/api/entries/late-parcel/flags', { method: 'POST', body: flag, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatch(/sent from another site \(https:\/\/evil\.example\)/);
    const sandboxed = await lead.json('/api/entries/late-parcel/flags', { method: 'POST', body: flag, headers: { origin: 'null' } });
    expect(sandboxed.status).toBe(403);

    const noOriginHeaders = await lead.form('/logout', {}, { csrf: true });
    expect(noOriginHeaders.status).toBe(302); // no Origin, no Referer: the token decides

    const referer = await lead.fetch('/api/entries/late-parcel/flags', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': lead.csrfToken, referer: 'http://evil.example/page' },
      body: JSON.stringify(flag),
    });
    expect(referer.status).toBe(403);

    const same = await (await app.as('mo', 'lead')).json('/api/entries/late-parcel/flags', { method: 'POST', body: flag, headers: { origin: app.url } });
    expect(same.status).toBe(201);
  });

  it('leaves Bearer-token requests free of CSRF and Origin checks', async () => {
    await app.as('ned', 'agent');
    const { token } = createApiToken(db, findUserByName(db, 'ned')!.id, 'script');
    const response = await app.anonymous().json('/api/entries/late-parcel/flags', {
      method: 'POST',
      body: flag,
      headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' },
    });
    expect(response.status).toBe(201);
  });

  it('gives a visitor a pre-session token only where one is needed: a page with forms, not an API read', async () => {
    await app.as('ned', 'agent');
    const script = createApiToken(db, findUserByName(db, 'ned')!.id, 'script');
    const search = await fetch(`${app.url}/api/search?q=parcel`, { headers: { authorization: `Bearer ${script.token}` } });
    expect(search.status).toBe(200);
    expect(search.headers.getSetCookie()).toEqual([]);

    const page = await fetch(`${app.url}/login`);
    const [cookie] = page.headers.getSetCookie();
    expect(cookie).toMatch(/^planb_csrf=[\w-]{32,};/);
    // The login form carries the token bound to that very cookie: sending both back signs in.
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    await app.as('pat', 'agent');
    const signIn = await fetch(`${app.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie!.split(';')[0]!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token!, name: 'pat', password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.getSetCookie().join()).toMatch(/planb_session=/);
  });
});

describe('security headers', () => {
  it('sends a strict CSP, no framing, nosniff and a referrer policy on every answer', async () => {
    for (const path of ['/login', '/style.css', '/api/session']) {
      const response = await app.anonymous().fetch(path);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/style-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull(); // plain HTTP, no proxy trusted
    }
  });

  it('forbids caching of what a signed-in person sees (pages and API)', async () => {
    const agent = await app.as('ola', 'agent');
    for (const path of ['/', '/entries/late-parcel', '/account']) {
      expect((await agent.fetch(path)).headers.get('cache-control')).toBe('no-store');
    }
    expect((await agent.fetch('/api/entries/late-parcel', { headers: { accept: 'application/json' } })).headers.get('cache-control')).toBe('no-store');
    expect((await app.anonymous().fetch('/login')).headers.get('cache-control')).not.toBe('no-store');
  });

  it('with TRUST_PROXY and X-Forwarded-Proto: https, cookies are Secure and HSTS is on', async () => {
    await app.as('ola', 'agent'); // the account that signs in below
    const proxied = await startApp(db, { trustProxy: 'loopback' });
    try {
      const https = { 'x-forwarded-proto': 'https' };
      const login = await proxied.anonymous().fetch('/login', { headers: https });
      expect(login.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(login.headers.getSetCookie().join('\n')).toMatch(/planb_csrf=.*; Secure/);

      const client = proxied.anonymous();
      const token = await client.refreshCsrf();
      const signIn = await client.fetch('/login', {
        method: 'POST',
        headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', origin: `https://${new URL(proxied.url).host}` },
        body: new URLSearchParams({ name: 'ola', password: TEST_PASSWORD, _csrf: token }),
      });
      expect(signIn.status).toBe(302);
      expect(signIn.headers.getSetCookie().find((c) => c.startsWith('planb_session='))).toMatch(/; Secure/);

      const plain = await proxied.anonymous().fetch('/login');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      expect(plain.headers.getSetCookie().join('\n')).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });
});
