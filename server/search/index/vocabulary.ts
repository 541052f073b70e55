/**
 * The words of the knowledge base as agents type them (folded surface forms), with how often each
 * occurs: for completing a half-typed last word and correcting a word the index does not know.
 */
import { ENTRY_STATUSES, type EntryStatus } from '../../entries/entry.ts';
import { intColumn } from './columns.ts';

/** Typos allowed by word length, as Meilisearch does: none under 5 letters, one from 5, two from 9. */
export function typosAllowed(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/**
 * Each word is counted per entry status, and only words said by entries the reader may see count
 * for them: a word only a draft says is never suggested to an agent. Counts go down when an entry
 * changes or leaves, so text removed from an entry is forgotten (a word at zero is never offered).
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** Per status (index into ENTRY_STATUSES), per word id: how often entries of that status say it. */
  private readonly counts = ENTRY_STATUSES.map(() => intColumn());
  /** Every word with one letter deleted → the words it came from (symmetric-delete lookup). */
  private readonly deletions = new Map<string, Set<string>>();
  private sorted: string[] | null = null;

  /** The word's id; the word is offered to readers while entries they may see say it. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    for (const column of this.counts) column.push(0);
    // Kept sorted rather than sorted again at the next completion: an import adds words a slice at
    // a time, and sorting 100k words after each slice cost the next search 20–40 ms.
    this.sorted?.splice(firstAtOrAfter(this.sorted, word), 0, word);
    for (const variant of deletionsOf(word)) {
      let from = this.deletions.get(variant);
      if (!from) this.deletions.set(variant, (from = new Set()));
      from.add(word);
    }
    return id;
  }

  /** An entry of status `status` says word `id` `times` more (or fewer, below 0) times. */
  count(id: number, status: number, times: number): void {
    this.counts[status]!.data[id]! += times;
  }

  /** An entry of status `status` no longer says words ids[i], times[i] times each, i from … to-1 (one loop: an import takes out thousands). */
  unsay(status: number, ids: Int32Array, times: Int32Array, from: number, to: number): void {
    const counts = this.counts[status]!.data;
    for (let i = from; i < to; i++) counts[ids[i]!]! -= times[i]!;
  }

  /** The words as a reader who may see entries of these statuses knows them. */
  seenBy(statuses: readonly EntryStatus[]): VocabularyView {
    const columns = statuses.map((s) => this.counts[ENTRY_STATUSES.indexOf(s)]!);
    return new VocabularyView((word) => {
      const id = this.ids.get(word);
      if (id === undefined) return 0;
      let total = 0;
      for (const column of columns) total += column.data[id]!;
      return total;
    }, () => (this.sorted ??= [...this.words].sort()), this.deletions);
  }
}

export class VocabularyView {
  constructor(
    /** How often the visible entries say a word (0: unknown to this reader). */
    private readonly frequency: (word: string) => number,
    private readonly sortedWords: () => string[],
    private readonly deletions: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  has(word: string): boolean {
    return this.frequency(word) > 0;
  }

  /** The most frequent known words starting with `prefix`. */
  completions(prefix: string, limit: number): string[] {
    const sorted = this.sortedWords();
    const low = firstAtOrAfter(sorted, prefix);
    // A short prefix may start thousands of words: keep the best `limit` while scanning, not sort them all.
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const word = sorted[i]!;
      if (!this.has(word) || (found.length === limit && this.compare(word, found[limit - 1]!) >= 0)) continue;
      const before = found.findIndex((w) => this.compare(word, w) < 0);
      found.splice(before < 0 ? found.length : before, 0, word);
      found.length = Math.min(found.length, limit);
    }
    return found;
  }

  /** The most frequent known word within `maxTypos` edits of `word`, or null. */
  correction(word: string, maxTypos = typosAllowed(word)): string | null {
    if (maxTypos === 0) return null;
    const candidates = new Set<string>();
    for (const variant of [word, ...deletionsOf(word)]) {
      if (this.has(variant)) candidates.add(variant);
      for (const known of this.deletions.get(variant) ?? []) if (this.has(known)) candidates.add(known);
    }
    const close = [...candidates].filter((known) => known !== word && editDistance(word, known) <= maxTypos);
    return close.sort((a, b) => this.compare(a, b))[0] ?? null;
  }

  /** More frequent first, then alphabetical. */
  private compare(a: string, b: string): number {
    return this.frequency(b) - this.frequency(a) || a.localeCompare(b);
  }
}

/** Where `word` is, or would go, in the sorted words. */
function firstAtOrAfter(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

function deletionsOf(word: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/** Damerau-Levenshtein distance (adjacent swaps count as one typo). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
