// npm run export -- --dir DIR [--guides DIR] [--synonyms FILE] [--paths DIR]: writes every entry (and guide, and
// the synonyms) from DB_PATH as files.
import { exportContent } from '../server/content/export-content.ts';
import { openMigratedDatabase, parseFlags, progressBar } from './cli.ts';

const flags = parseFlags({
  dir: { type: 'string', default: 'content/entries' },
  guides: { type: 'string' },
  synonyms: { type: 'string' },
  paths: { type: 'string' },
});
const { db, path } = openMigratedDatabase();
const bar = progressBar('Exporting');
const written = exportContent(db, {
  entriesDir: flags.dir as string,
  guidesDir: flags.guides as string | undefined,
  synonymsFile: flags.synonyms as string | undefined,
  pathsDir: flags.paths as string | undefined,
  onProgress: bar.update,
});
bar.stop();
db.close();
console.log(
  `Exported from ${path}: ${written.entries} entries to ${flags.dir}` +
    (flags.guides ? `, ${written.guides} guides to ${flags.guides}` : '') +
    (flags.synonyms ? `, synonyms to ${flags.synonyms}` : '') +
    (flags.paths ? `, ${written.paths} paths to ${flags.paths}.` : '.'),
);
