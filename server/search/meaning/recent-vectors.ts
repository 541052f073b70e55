/**
 * The text vectors of the entries ranked lately, by entry id, within a budget of bytes: reading an
 * entry's vectors from SQLite costs more than the ranking itself, and the same entries come up
 * again and again. All of them in memory would cost ~4.6 KB an entry (460 MB at 100k entries), so
 * only the most recently used are kept. A Map keeps insertion order: the first key is the least
 * recently used.
 */
export class RecentVectors {
  private readonly packed = new Map<string, Int8Array>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get(id: string): Int8Array | undefined {
    const vectors = this.packed.get(id);
    if (vectors) {
      this.packed.delete(id);
      this.packed.set(id, vectors);
    }
    return vectors;
  }

  set(id: string, vectors: Int8Array): void {
    this.delete(id);
    if (vectors.byteLength > this.budgetBytes) return;
    this.packed.set(id, vectors);
    this.bytes += vectors.byteLength;
    for (const [oldest, old] of this.packed) {
      if (this.bytes <= this.budgetBytes) break;
      this.packed.delete(oldest);
      this.bytes -= old.byteLength;
    }
  }

  /** Forgets an entry (it changed or left). */
  delete(id: string): void {
    const old = this.packed.get(id);
    if (!old) return;
    this.packed.delete(id);
    this.bytes -= old.byteLength;
  }

  /** The ids held, least recently used first (for tests). */
  ids(): string[] {
    return [...this.packed.keys()];
  }

  get size(): number {
    return this.bytes;
  }
}
