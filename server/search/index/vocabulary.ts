/**
 * The words of the knowledge base as agents type them (folded surface forms), with how often each
 * occurs: for completing a half-typed last word and correcting a word the index does not know.
 */

/** Typos allowed by word length, as Meilisearch does: none under 5 letters, one from 5, two from 9. */
export function typosAllowed(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /** Every word with one letter deleted → the words it came from (symmetric-delete lookup). */
  private readonly deletions = new Map<string, Set<string>>();
  private sorted: string[] | null = null;

  add(word: string): void {
    const count = this.counts.get(word) ?? 0;
    this.counts.set(word, count + 1);
    if (count > 0) return;
    this.sorted = null;
    for (const variant of deletionsOf(word)) {
      let from = this.deletions.get(variant);
      if (!from) this.deletions.set(variant, (from = new Set()));
      from.add(word);
    }
  }

  /** Counts stay when an entry changes: a word that left the index stays a valid suggestion. */
  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The most frequent known words starting with `prefix`. */
  completions(prefix: string, limit: number): string[] {
    const sorted = (this.sorted ??= [...this.counts.keys()].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    // A short prefix may start thousands of words: keep the best `limit` while scanning, not sort them all.
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const word = sorted[i]!;
      if (found.length === limit && this.compare(word, found[limit - 1]!) >= 0) continue;
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
      if (this.counts.has(variant)) candidates.add(variant);
      for (const known of this.deletions.get(variant) ?? []) candidates.add(known);
    }
    const close = [...candidates].filter((known) => known !== word && editDistance(word, known) <= maxTypos);
    return this.mostFrequent(close, 1)[0] ?? null;
  }

  private mostFrequent(words: string[], limit: number): string[] {
    return words.sort((a, b) => this.compare(a, b)).slice(0, limit);
  }

  /** More frequent first, then alphabetical. */
  private compare(a: string, b: string): number {
    return this.counts.get(b)! - this.counts.get(a)! || a.localeCompare(b);
  }
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
