import { createServer, type RequestListener, type Server } from 'node:http';
import type { Db } from '../db/connection.ts';

/** A client must send its headers within this time, and its whole request within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** An idle keep-alive connection is closed after this long. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** On SIGTERM/SIGINT, requests in flight get this long to finish before connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * An HTTP server with bounded request and header times, so a slow or stalled client cannot hold a
 * connection: the timeouts are checked every second (Node's default checks only every 30 s).
 */
export function createBoundedServer(app: RequestListener): Server {
  const server = createServer(
    { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1_000 },
    app,
  );
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return server;
}

/**
 * SIGTERM and SIGINT stop the server cleanly: it stops accepting, lets requests in flight finish
 * (at most SHUTDOWN_GRACE_MS), closes the database so the WAL is checkpointed, and exits 0.
 */
export function stopOnSignals(server: Server, db: Db, log: (line: string) => void = console.log): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping.`);
    const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    // A keep-alive connection turns idle once its last response is sent: close it then, rather
    // than wait for the client or KEEP_ALIVE_TIMEOUT_MS.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(cut);
      clearInterval(sweep);
      db.close();
      log('Stopped.');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
