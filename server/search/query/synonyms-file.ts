import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Document, isSeq, parse } from 'yaml';
import { ContentError } from '../../file-format/content-error.ts';

/**
 * content/synonyms.yml: a YAML list of groups, each a list of words or short phrases that
 * customers use for the same thing.
 *
 *     - [parcel, package, delivery]
 *     - [refund, money back]
 */
export function parseSynonymsFile(text: string, file: string): string[][] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ContentError(file, 1, 'synonyms', `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data == null) return [];
  if (!Array.isArray(data)) throw new ContentError(file, 1, 'synonyms', 'must be a list of groups');
  return data.map((group, i) => {
    const line = lineOfGroup(text, i);
    if (!Array.isArray(group) || group.length < 2 || !group.every((t) => typeof t === 'string' && t.trim())) {
      throw new ContentError(file, line, 'synonyms', 'each group must be a list of at least two words or phrases');
    }
    return group.map((t: string) => t.trim());
  });
}

/** The line of the i-th top-level list item, for error messages. */
function lineOfGroup(text: string, i: number): number {
  let seen = -1;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) if (lines[n]!.startsWith('-') && ++seen === i) return n + 1;
  return 1;
}

const HEADER = `# Words customers use for the same thing. Each line is one group; a search for any member also
# finds entries that use the others. Imported with the entries (npm run import).
`;

/** The canonical file: the header, then one flow list per group (what content/synonyms.yml holds). */
export function writeSynonymsFile(groups: string[][]): string {
  if (!groups.length) return HEADER;
  const doc = new Document(groups);
  if (isSeq(doc.contents)) for (const group of doc.contents.items) if (isSeq(group)) group.flow = true;
  return HEADER + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The synonyms that go with a folder of entries: `synonyms.yml` beside it, as content/ lays out
 * entries/, guides/ and synonyms.yml side by side. Undefined when there is none (the synonyms in
 * the database then stay as they are).
 */
export function synonymsFileBeside(entriesDir: string): string | undefined {
  const file = join(dirname(resolve(entriesDir)), 'synonyms.yml');
  return existsSync(file) ? file : undefined;
}
