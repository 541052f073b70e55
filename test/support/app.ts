import type { AddressInfo } from 'node:net';
import { parse, type HTMLElement } from 'node-html-parser';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Db } from '../../server/db/connection.ts';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
  /** GET a page and parse it. */
  page(path: string): Promise<{ status: number; html: HTMLElement }>;
  /** GET or send JSON. */
  json(path: string, init?: RequestInit): Promise<{ status: number; body: any }>;
}

/** Serves the real app on a free port of this machine. */
export async function startApp(db: Db, config: Partial<Config> = {}): Promise<RunningApp> {
  const app = createApp({ db, config: { ...loadConfig({}), ...config } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async page(path) {
      const response = await fetch(url + path, { headers: { accept: 'text/html' } });
      return { status: response.status, html: parse(await response.text()) };
    },
    async json(path, init = {}) {
      const response = await fetch(url + path, {
        ...init,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...init.headers },
      });
      return { status: response.status, body: await response.json() };
    },
  };
}
