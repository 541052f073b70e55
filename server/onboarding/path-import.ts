import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ContentError } from '../file-format/content-error.ts';
import { parsePathFile } from './path-file.ts';
import { itemKey, type Path } from './path.ts';

/**
 * Reads every `<id>.yml` path file of a folder. `known` holds the `kind:id` of every entry and guide
 * the import will leave in the database; an item naming anything else is a problem at its line.
 */
export function readPathFiles(dir: string, known: Set<string>, problems: ContentError[]): Path[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => name.endsWith('.yml') && !name.startsWith('.')).sort();
  return names.flatMap((name) => {
    const file = relative(process.cwd(), join(dir, name)) || name;
    try {
      const { path, itemLines } = parsePathFile(readFileSync(join(dir, name), 'utf8'), file);
      if (basename(name, '.yml') !== path.id) {
        throw new ContentError(file, 1, 'id', `id "${path.id}" must match the file name (${path.id}.yml)`);
      }
      path.items.forEach((item, i) => {
        if (!known.has(itemKey(item))) throw new ContentError(file, itemLines[i]!, `items[${i + 1}].${item.kind}`, `no ${item.kind} has the id "${item.id}"`);
      });
      return [path];
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(error);
      return [];
    }
  });
}
