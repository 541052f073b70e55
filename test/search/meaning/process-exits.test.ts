import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Runs a TypeScript module (imports from the repository root as `@/…`) in a fresh Node process;
 * resolves with its exit code, or 'still running' after `ms`. A file, not `-e`: `--input-type`
 * would pass on to the model's worker threads.
 */
function run(code: string, ms: number): Promise<number | 'still running'> {
  const file = join(mkdtempSync(join(tmpdir(), 'planb-exit-')), 'main.mts');
  writeFileSync(file, code.replaceAll("'@/", `'${ROOT}/`));
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'ignore' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, ms);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode ?? -1);
    });
  });
}

describe('a process that searched by meaning', () => {
  it('exits by itself once the search is closed: no worker (encoders, classifier trainer) keeps it alive', async () => {
    const exit = await run(
      `
      import { openDatabase } from '@/server/db/connection.ts';
      import { migrate } from '@/server/db/migrate.ts';
      import { saveEntry } from '@/server/entries/save-entry.ts';
      import { createSearch } from '@/server/search/search.ts';
      import { modelFromEnv } from '@/server/search/meaning/model-folder.ts';
      const db = openDatabase(':memory:');
      migrate(db);
      saveEntry(db, { id: 'charged-twice', title: 'Card charged twice', kind: 'common', category: 'Billing', tags: [], language: 'en',
        translationOf: null, status: 'vetted', owner: null, reviewBy: null, phrasings: ['I paid two times'], summary: '',
        solutions: [{ title: 'Refund', body: 'Refund one payment.' }], alternatives: [], whatToSay: '', timeline: '', caveats: '', followUp: '' },
        { author: 'amara', summary: 'New' });
      const search = createSearch(db, { model: modelFromEnv(''), queryWaitMs: 60000 });
      await search.meaning.settled();
      if (search.meaning.classifier.trainings !== 1) process.exit(2);
      await search.settled('charged two times');
      await search.meaning.close();
      `,
      20_000,
    );
    expect(exit).toBe(0);
  });
});
