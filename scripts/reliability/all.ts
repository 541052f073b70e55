// npm run check:reliability: every reliability check once, with its default (bounded) size.
// Each can be run alone: npm run check:xss | check:fuzz | check:crash | check:race | check:load | check:backup.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CHECKS = ['race', 'crash', 'fuzz', 'xss', 'load', 'backup'];
const failed = CHECKS.filter((name) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)], { stdio: 'inherit' });
  return run.status !== 0;
});
console.log(failed.length ? `Failed: ${failed.join(', ')}` : `All ${CHECKS.length} reliability checks passed.`);
process.exitCode = failed.length ? 1 : 0;
