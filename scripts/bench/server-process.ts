// A real server (`npm start`'s entry point) on a benchmark database, and load on it.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inOwnProcess } from './own-process.ts';

export interface Server {
  child: ChildProcess;
  port: number;
  /** Process start → listening (the index built). */
  readySeconds: number;
  started: number;
}

/** Starts the server on the database; SEARCH_MODEL as given ('off': by words only; '': the packaged model). */
export async function startServer(dbPath: string, searchModel: string): Promise<Server> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DB_PATH: dbPath, PORT: String(port), READ_ACCESS: 'open', SEARCH_MODEL: searchModel },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve()));
  return { child, port, started, readySeconds: (performance.now() - started) / 1000 };
}

export interface Load {
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  /** Every response's time, ms (autocannon's own summary has no p95). */
  latencies: number[];
}

/**
 * 8 connections for 10 s over the paths, from a process of its own: the benchmark's process holds
 * its corpora and a 100k index, and its garbage collections delayed the client and were counted
 * as server latency (p95 24–30 ms against 21–22 from a lean client, same server and load).
 */
export function load(port: number, paths: string[]): Promise<Load> {
  return inOwnProcess('the load client', import.meta.filename, ['--load', String(port)], JSON.stringify(paths));
}

async function loadHere(port: number, paths: string[]): Promise<Load> {
  const latencies: number[] = [];
  const requests = paths.map((path) => ({ method: 'GET' as const, path }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}`, connections: 8, duration: 10, requests }, (error, done) => (error ? reject(error) : resolve(done)))
      .on('response', (_client, _status, _bytes, responseMs) => latencies.push(responseMs));
  });
  return { requestsPerSecond: result.requests.average, errors: result.errors, non2xx: result.non2xx, latencies };
}

if (process.argv[2] === '--load') {
  const paths = JSON.parse(readFileSync(0, 'utf8')) as string[];
  process.stdout.write(JSON.stringify(await loadHere(Number(process.argv[3]), paths)));
}

/** The process's peak resident memory (VmHWM; worker threads included), in MB. */
export function peakRssMb(child: ChildProcess): number {
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}
