import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { BackupError } from './backup-service.ts';

/**
 * Continuous replication with Litestream. The binary comes in the npm package
 * @flydotio/litestream-linux-x64 (an optional dependency: only Linux x64 is published):
 * nothing is downloaded at run time.
 */

/** How often Litestream ships new WAL frames to the replica. */
export const SYNC_INTERVAL = '1s';

export function litestreamBinary(): string {
  const platformPackage = `@flydotio/litestream-${process.platform}-${process.arch}`;
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${platformPackage}/package.json`)), 'litestream');
  } catch {
    throw new Error(`Litestream is not installed for ${process.platform}-${process.arch} (${platformPackage}); run npm ci.`);
  }
}

/** A replica as given: a URL (s3://bucket/path, file:///…) or a folder on this machine. */
export function replicaUrl(replica: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(replica) ? replica : pathToFileURL(resolve(replica)).href;
}

/**
 * A Litestream configuration for one database and one replica. `endpoint` is for S3-compatible
 * storage other than AWS (MinIO, Backblaze, R2…); credentials come from Litestream's own
 * environment variables (LITESTREAM_ACCESS_KEY_ID, LITESTREAM_SECRET_ACCESS_KEY).
 */
function configFile(dbPath: string, replica: string, endpoint: string | undefined): string {
  const config = {
    dbs: [{ path: resolve(dbPath), replicas: [{ url: replicaUrl(replica), 'sync-interval': SYNC_INTERVAL, ...(endpoint ? { endpoint } : {}) }] }],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'planb-litestream-')), 'litestream.yml');
  writeFileSync(file, stringify(config));
  return file;
}

export function startReplication(dbPath: string, replica: string, endpoint?: string): ChildProcess {
  const config = configFile(dbPath, replica, endpoint);
  return spawn(litestreamBinary(), ['replicate', '-no-expand-env', '-config', config], { stdio: 'inherit' });
}

/** Restores the latest state of the replica into `out` (a new file). */
export function restoreFromReplica(replica: string, out: string, endpoint?: string): Promise<void> {
  const args = endpoint
    ? ['restore', '-no-expand-env', '-config', configFile(out, replica, endpoint), '-o', out, resolve(out)]
    : ['restore', '-o', out, replicaUrl(replica)];
  const child = spawn(litestreamBinary(), args, { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((done, fail) =>
    child.once('exit', (code) => (code === 0 ? done() : fail(new BackupError(`Litestream could not restore from ${replica} (exit code ${code}); see its message above.`)))),
  );
}
