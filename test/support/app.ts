import type { AddressInfo } from 'node:net';
import { parse, type HTMLElement } from 'node-html-parser';
import { createUser } from '../../server/accounts/user-queries.ts';
import type { Role } from '../../server/people/user.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Db } from '../../server/db/connection.ts';
import { freshDatabase } from './database.ts';
import { seedKnowledgeBase } from './fixtures.ts';

export const TEST_PASSWORD = 'correct horse battery';

/** A browser-like client: keeps cookies, knows its CSRF token, parses pages. */
export class Client {
  private cookies = new Map<string, string>();
  /** The CSRF token of the current session (it is bound to it), refreshed after cookies change. */
  private csrf = '';
  private csrfStale = true;

  constructor(readonly url: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(this.url + path, { redirect: 'manual', ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
      this.csrfStale = true;
    }
    return response;
  }

  /** The same visitor (cookies, CSRF token) talking to another server, e.g. one over a copy of this database. */
  at(url: string): Client {
    const copy = new Client(url);
    copy.cookies = new Map(this.cookies);
    copy.csrf = this.csrf;
    copy.csrfStale = this.csrfStale;
    return copy;
  }

  get csrfToken(): string {
    return this.csrf;
  }

  /** Asks the server for this session's CSRF token, as a page's form or a script would. */
  async refreshCsrf(): Promise<string> {
    if (this.csrfStale || !this.csrf) {
      const response = await this.fetch('/api/session', { headers: { accept: 'application/json' } });
      this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
      this.csrfStale = false;
    }
    return this.csrf;
  }

  /** GET a page and parse it. */
  async page(path: string): Promise<{ status: number; html: HTMLElement; location: string | null }> {
    const response = await this.fetch(path, { headers: { accept: 'text/html' } });
    return { status: response.status, html: parse(await response.text()), location: response.headers.get('location') };
  }

  /** POST a form as a browser would, with the CSRF token unless told otherwise. */
  async form(path: string, fields: Record<string, string | string[]>, { csrf = true } = {}) {
    await this.refreshCsrf();
    const body = new URLSearchParams();
    if (csrf) body.append('_csrf', this.csrfToken);
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    const response = await this.fetch(path, {
      method: 'POST',
      body,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { status: response.status, html: parse(await response.text()), location: response.headers.get('location') };
  }

  /** JSON in and out, with the session's CSRF header on writes. */
  async json(path: string, init: Omit<RequestInit, 'body'> & { body?: unknown } = {}): Promise<{ status: number; body: any }> {
    const write = init.method && init.method !== 'GET';
    if (write) await this.refreshCsrf();
    const response = await this.fetch(path, {
      ...init,
      body: init.body === undefined || typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(write ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
}

export interface RunningApp extends Client {
  close(): Promise<void>;
  /** A new signed-in client for an account with this name and role (created if needed). */
  as(name: string, role?: Role): Promise<Client>;
  /** A new client with no cookies. */
  anonymous(): Client;
}

/** Serves the real app on a free loopback port. */
export async function startApp(db: Db, config: Partial<Config> = {}): Promise<RunningApp> {
  const app = createApp({ db, config: { ...loadConfig({}), ...config } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new Client(url) as RunningApp;
  client.close = () => new Promise((resolve) => server.close(() => resolve()));
  client.anonymous = () => new Client(url);
  client.as = async (name, role = 'agent') => {
    const exists = db.prepare('SELECT 1 FROM users WHERE name = ?').get(name);
    if (!exists) await createUser(db, name, role, TEST_PASSWORD);
    const signedIn = new Client(url);
    const { status } = await signedIn.form('/login', { name, password: TEST_PASSWORD });
    if (status !== 302) throw new Error(`could not sign in as ${name}`);
    await signedIn.refreshCsrf();
    return signedIn;
  };
  return client;
}

/** The real app over a fresh database holding the fixture knowledge base (see fixtures.ts). */
export async function startSeededApp(config: Partial<Config> = {}): Promise<{ db: Db; app: RunningApp }> {
  const db = freshDatabase();
  seedKnowledgeBase(db);
  return { db, app: await startApp(db, config) };
}
