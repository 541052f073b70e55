/**
 * Folding and stemming are most of the cost of indexing, and a knowledge base says the same few
 * thousand words over and over: each distinct word (as written) is worked out once per language.
 */
export class WordMemo<T> {
  private readonly byLanguage = new Map<string, Map<string, T>>();

  constructor(private readonly analyse: (word: string, language: string) => T) {}

  /** The memoised analysis for one language, to call for each word of an entry. */
  forLanguage(language: string): (word: string) => T {
    let memo = this.byLanguage.get(language);
    if (!memo) this.byLanguage.set(language, (memo = new Map()));
    return (word) => {
      let found = memo.get(word);
      if (found === undefined) memo.set(word, (found = this.analyse(word, language)));
      return found;
    };
  }
}
