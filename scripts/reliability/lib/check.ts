import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, parseFlags } from '../../cli.ts';

/** What every reliability check shares: a scratch folder, its flags, and a verdict line at the end. */

/** `--name N` flags with their defaults, e.g. numberFlags({ rounds: 50 }). */
export function numberFlags<T extends Record<string, number>>(defaults: T): T {
  const options = Object.fromEntries(Object.entries(defaults).map(([name, n]) => [name, { type: 'string' as const, default: String(n) }]));
  const values = parseFlags(options) as Record<string, string>;
  return Object.fromEntries(
    Object.keys(defaults).map((name) => {
      const n = Number(values[name]);
      if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number of at least 1`);
      return [name, n];
    }),
  ) as T;
}

/** Runs `check` in a scratch folder; prints its figures and exits 1 when any problem was found. */
export async function runCheck(name: string, check: (dir: string) => Promise<{ figures: string; problems: string[] }>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `planb-${name}-`));
  const started = Date.now();
  try {
    const { figures, problems } = await check(dir);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`${name}: ${figures} (${seconds} s)`);
    if (problems.length) {
      console.log(`${name}: FAILED\n  ${problems.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(`${name}: ok`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
