import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The Markdown files of a content folder, sorted by name; none when the folder does not exist. */
export function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}
