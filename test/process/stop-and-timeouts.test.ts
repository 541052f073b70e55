import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { HEADERS_TIMEOUT_MS } from '../../server/process/serve.ts';
import { column, problemsIn } from '../../scripts/reliability/lib/database-checks.ts';
import { prepareDatabase, signIn, startServer } from '../../scripts/reliability/lib/server-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Every process started under `pid`, read from Linux's /proc. */
const descendants = (pid: number): number[] => {
  const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  const children = listed ? listed.split(/\s+/).map(Number) : [];
  return children.flatMap((child) => [child, ...descendants(child)]);
};
const exitOf = (pid: number) =>
  new Promise<void>((resolve) => {
    const poll = setInterval(() => !alive(pid) && (clearInterval(poll), resolve()), 100);
  });

describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planb-process-'));
  const dbPath = join(dir, 'planb.db');
  beforeAll(() => prepareDatabase(dbPath), 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SIGTERM finishes the request in flight, closes the database and exits 0 with no child left', async () => {
    const server = await startServer(dbPath);
    const lead = await signIn(server.url);
    const children = descendants(server.child.pid!);

    // A flag whose JSON body arrives in two parts, the second only after SIGTERM was sent.
    const body = JSON.stringify({ reason: 'unclear', comment: 'sent while the server was stopping' });
    const encoder = new TextEncoder();
    let pulls = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let headersSent!: () => void;
    const sending = new Promise<void>((resolve) => (headersSent = resolve));
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls++;
        if (pulls === 1) return controller.enqueue(encoder.encode(body.slice(0, 20)));
        headersSent();
        await released;
        controller.enqueue(encoder.encode(body.slice(20)));
        controller.close();
      },
    });
    const csrfToken = await lead.refreshCsrf();
    const answer = lead.fetch('/api/entries/parcel-late-after-promised-date/flags', {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), accept: 'application/json', 'x-csrf-token': csrfToken },
    } as RequestInit);
    await sending;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode).toBeNull(); // still waiting for the request in flight
    release();

    expect((await answer).status).toBe(201);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Stopped.');
    expect(children.filter(alive)).toEqual([]);
    expect(column(dbPath, 'SELECT comment FROM flags')).toContain('sent while the server was stopping');
    expect(problemsIn(dbPath)).toEqual([]);
  }, 60_000);

  it('`npm start` stops on SIGTERM: npm, the server and its helpers all exit', async () => {
    const npm = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: '0', DB_PATH: dbPath }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve) => npm.stdout.on('data', () => output.includes('is serving') && resolve()));
    const tree = descendants(npm.pid!);
    expect(tree.length).toBeGreaterThan(0);
    npm.kill('SIGTERM');
    await Promise.all([npm.pid!, ...tree].map(exitOf));
    expect(output).toContain('Stopped.');
  }, 60_000);

  it('listens on loopback unless HOST says otherwise', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const { HOST: _host, ...env } = process.env;
    const server = await startServer(dbPath, { ...env, HOST: undefined });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(server.url).port);
      const outside = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal);
      if (outside) {
        const refused = await new Promise<boolean>((resolve) => {
          const socket = connect(port, outside.address);
          socket.once('connect', () => (socket.destroy(), resolve(false)));
          socket.once('error', () => resolve(true));
        });
        expect(refused).toBe(true);
      }
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('cuts a client that never finishes sending its headers', async () => {
    const server = await startServer(dbPath);
    try {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.write('GET / HTTP/1.1\r\nHost: planb\r\n'); // …and the blank line never comes
      const closed = await new Promise<boolean>((resolve) => {
        socket.once('close', () => resolve(true));
        setTimeout(() => resolve(false), HEADERS_TIMEOUT_MS + 15_000);
      });
      expect(closed).toBe(true);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
