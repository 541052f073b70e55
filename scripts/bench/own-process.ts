import { spawn } from 'node:child_process';

/**
 * Runs the TypeScript file `file` in a process of its own with `args` (and `input` on its standard
 * input), and resolves with the last line it prints, parsed as JSON: for measurements that must
 * not share the benchmark's heap (its corpora and indexes, over a gigabyte).
 */
export async function inOwnProcess<T>(what: string, file: string, args: string[], input = ''): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(input);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${what} failed (exit ${code})`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}
