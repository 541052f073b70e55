import { z } from 'zod';

/** The environment, read and checked once at start-up. */
const configSchema = z.object({
  PORT: z.coerce.number({ error: 'PORT must be a port number' }).int().min(0).max(65535).default(3000),
  DB_PATH: z.string().min(1).default('data/planb.db'),
  READ_ACCESS: z.enum(['login', 'open'], { error: 'READ_ACCESS must be login or open' }).default('login'),
  CONTENT_DIR: z.string().min(1).default('content'),
  TRUST_PROXY: z.string().default(''),
});

export interface Config {
  port: number;
  dbPath: string;
  readAccess: 'login' | 'open';
  contentDir: string;
  /** Express "trust proxy": false, true, a hop count, or the proxies' addresses (comma-separated). */
  trustProxy: boolean | number | string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration error in ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = result.data;
  return { port: c.PORT, dbPath: c.DB_PATH, readAccess: c.READ_ACCESS, contentDir: c.CONTENT_DIR, trustProxy: trustProxy(c.TRUST_PROXY) };
}

/** TRUST_PROXY: unset/false/0 = no proxy; true = any; a number = that many hops; else addresses or subnets. */
function trustProxy(value: string): boolean | number | string {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  return /^\d+$/.test(text) ? Number(text) : value.trim();
}
