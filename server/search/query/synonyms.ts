import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { surfaceWords } from './text-analysis.ts';

/**
 * Synonyms: groups of words or short phrases customers use for the same thing ("parcel, package").
 * A query holding one member also searches for the others.
 */
export class Synonyms {
  /** Each member as its words, pointing to the words of the whole group. */
  private readonly members: { words: string[]; group: string[] }[] = [];

  constructor(groups: string[][]) {
    for (const group of groups) {
      const words = group.map((term) => surfaceWords(term));
      for (const member of words) this.members.push({ words: member, group: words.flat() });
    }
  }

  /** The words to search for as well as `typed` (which are folded words, in order). */
  of(typed: string[]): string[] {
    const found = new Set<string>();
    for (const { words, group } of this.members) {
      if (words.length && containsRun(typed, words)) for (const word of group) if (!typed.includes(word)) found.add(word);
    }
    return [...found];
  }
}

function containsRun(words: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    if (run.every((word, k) => words[i + k] === word)) return true;
  }
  return false;
}

const statements = preparedFor((db) => ({
  all: db.prepare<[], { group_no: number; term: string }>('SELECT group_no, term FROM synonyms ORDER BY group_no, id'),
  version: db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM synonyms').pluck(),
  clear: db.prepare<[]>('DELETE FROM synonyms'),
  add: db.prepare<[groupNo: number, term: string]>('INSERT INTO synonyms (group_no, term) VALUES (?, ?)'),
}));

export function loadSynonyms(db: Db): Synonyms {
  return new Synonyms(synonymGroups(db));
}

/** The groups as stored, in file order. */
export function synonymGroups(db: Db): string[][] {
  const groups = new Map<number, string[]>();
  for (const { group_no, term } of statements(db).all.all()) {
    groups.set(group_no, [...(groups.get(group_no) ?? []), term]);
  }
  return [...groups.values()];
}

/** Changes whenever the synonyms are replaced, in this process or another. */
export function synonymsVersion(db: Db): number {
  return statements(db).version.get() ?? 0;
}

/** Replaces all synonyms; call inside the import's transaction. */
export function replaceSynonyms(db: Db, groups: string[][]): void {
  const s = statements(db);
  s.clear.run();
  groups.forEach((group, i) => group.forEach((term) => s.add.run(i + 1, term)));
}
