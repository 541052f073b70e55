import { z } from 'zod';

/** The environment, read and checked once at start-up. */
const configSchema = z.object({
  PORT: z.coerce.number({ error: 'PORT must be a port number' }).int().min(0).max(65535).default(3000),
  DB_PATH: z.string().min(1).default('data/planb.db'),
  READ_ACCESS: z.enum(['login', 'open'], { error: 'READ_ACCESS must be login or open' }).default('login'),
  CONTENT_DIR: z.string().min(1).default('content'),
  HOST: z.string().min(1, 'HOST must be an address such as 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
});

export interface Config {
  port: number;
  dbPath: string;
  readAccess: 'login' | 'open';
  contentDir: string;
  /** The address to listen on: loopback unless the operator opens it up. */
  host: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration error in ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = result.data;
  return { port: c.PORT, dbPath: c.DB_PATH, readAccess: c.READ_ACCESS, contentDir: c.CONTENT_DIR, host: c.HOST };
}
