// A real server (`npm start`'s entry point) on a benchmark database, and load on it.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

/** 8 connections for 10 s over the paths; every response's time (autocannon's own summary has no p95). */
export async function load(port: number, paths: string[]): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  const requests = paths.map((path) => ({ method: 'GET' as const, path }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}`, connections: 8, duration: 10, requests }, (error, done) => (error ? reject(error) : resolve(done)))
      .on('response', (_client, _status, _bytes, responseMs) => latencies.push(responseMs));
  });
  return { result, latencies };
}

/** The process's peak resident memory (VmHWM; worker threads included), in MB. */
export function peakRssMb(child: ChildProcess): number {
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}
