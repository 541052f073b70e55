import type { Encoder } from './encoder.ts';

/** Settled queries repeat (the page, then the API; the same customer question across agents). */
const CACHED = 1000;

/**
 * A settled query's vector, from a small cache or the query encoder, within a bounded wait. A
 * query that misses the wait falls back to words; its vector still lands in the cache.
 */
export class QueryVectors {
  private readonly cache = new Map<string, Int8Array>();
  private readonly inFlight = new Map<string, Promise<Int8Array | null>>();

  constructor(
    private readonly encoder: Encoder,
    private readonly waitMs: number,
  ) {}

  async vectorOf(query: string): Promise<Int8Array | null> {
    const text = query.trim().replace(/\s+/g, ' ');
    if (!text) return null;
    const cached = this.cache.get(text);
    if (cached) {
      // Most recently used last: the first key is the one to evict.
      this.cache.delete(text);
      this.cache.set(text, cached);
      return cached;
    }
    let pending = this.inFlight.get(text);
    if (!pending) {
      pending = this.encoder
        .encode([text])
        .then((vector) => {
          this.cache.set(text, vector);
          if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
          return vector;
        })
        .catch(() => null)
        .finally(() => this.inFlight.delete(text));
      this.inFlight.set(text, pending);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, this.waitMs, null)));
    try {
      return await Promise.race([pending, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
