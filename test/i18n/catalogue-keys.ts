import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalogue, type Catalogue } from '../../server/i18n/catalogues.ts';
import { LANGUAGES, type Language } from '../../server/i18n/languages.ts';

/** The catalogues as flat keys, and the keys the sources ask for. */

export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'];

export function flatten(tree: Catalogue, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value as Catalogue, path)) flat.set(k, v);
    else flat.set(path, String(value));
  }
  return flat;
}

export const catalogues = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(readCatalogue(l))])) as Record<Language, Map<string, string>>;

/** `entry.count_one` → `entry.count`; `roles.role_lead` (an i18next context) → `roles.role`. */
export const baseKey = (key: string) => key.replace(/_[^.]*$/, '');

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(ending))
    .map((d) => join(d.parentPath, d.name));
}

/**
 * Every literal key in views (`{{t "a.b"}}`, `(t "a.b" …)`), server code (`t('a.b')`, `req.t(…)`)
 * and client scripts (`t('client.x')`), with where it is asked for.
 */
export function usedKeys(root: string): Map<string, string> {
  const used = new Map<string, string>();
  const scan = (file: string, pattern: RegExp) => {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) used.set(match[1]!, file.slice(root.length + 1));
  };
  for (const file of files(join(root, 'views'), '.hbs')) scan(file, /[{(]\s*t\s+"([^"]+)"/g);
  for (const file of files(join(root, 'server'), '.ts')) scan(file, /\bt\(\s*'([^']+)'/g);
  for (const file of files(join(root, 'public'), '.js')) scan(file, /\bt\(\s*'([^']+)'/g);
  return used;
}

/** Quoted keys handed to `t` later (an editor page's heading, 'editor.newHeading'): they count as used. */
export function mentionedKeys(root: string): Set<string> {
  const mentioned = new Set<string>();
  for (const file of files(join(root, 'server'), '.ts')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)'/g)) mentioned.add(match[1]!);
  }
  return mentioned;
}
