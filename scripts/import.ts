// npm run import -- --dir DIR [--guides DIR] [--synonyms FILE] [--paths DIR]: reads entry (and guide) files into the database at DB_PATH.
import { existsSync } from 'node:fs';
import { recordAudit } from '../server/audit/audit-log.ts';
import { ImportError, importContent } from '../server/content/import-content.ts';
import { fail, openMigratedDatabase, parseFlags, progressBar } from './cli.ts';

const flags = parseFlags({
  dir: { type: 'string', default: 'content/entries' },
  guides: { type: 'string' },
  synonyms: { type: 'string' },
  paths: { type: 'string' },
});
const entriesDir = flags.dir as string;
const guidesDir = (flags.guides as string | undefined) ?? (flags.dir === 'content/entries' ? 'content/guides' : undefined);
const pathsDir = (flags.paths as string | undefined) ?? (flags.dir === 'content/entries' ? 'content/paths' : undefined);
const synonymsFile = (flags.synonyms as string | undefined) ?? (flags.dir === 'content/entries' ? 'content/synonyms.yml' : undefined);
for (const dir of [entriesDir, guidesDir]) if (dir && !existsSync(dir)) fail(`No such folder: ${dir}`);

const { db, path } = openMigratedDatabase();
const bar = progressBar('Importing');
try {
  const report = importContent(db, { entriesDir, guidesDir, synonymsFile, pathsDir, onProgress: bar.update });
  bar.stop();
  const summary = `${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged entries, ${report.guides} guides changed`;
  recordAudit(db, { action: 'import', actor: 'command line', subject: entriesDir, ip: null, detail: summary });
  console.log(
    `Imported into ${path}: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged entries` +
      (guidesDir ? `, ${report.guides} guides changed` : '') +
      (pathsDir ? `, ${report.paths} paths.` : '.'),
  );
} catch (error) {
  bar.stop();
  if (!(error instanceof ImportError)) throw error;
  fail(`Nothing was imported: ${error.problems.length} file(s) have problems.\n${error.message}`);
} finally {
  db.close();
}
