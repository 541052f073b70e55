import type { EntryIndex } from '../index/entry-index.ts';

/**
 * The buffers one search works in, owned by one object per index and reused from query to query
 * (allocating arrays as long as the index for each query would busy the garbage collector). Each
 * user leaves its buffer zeroed. Search runs on one thread, one query at a time.
 */
export class Scratch {
  /** Per entry number: its bound while gathering; the touched entries; the candidates and their bounds. */
  bound = new Float64Array(0);
  touched = new Int32Array(0);
  found = new Int32Array(0);
  bounds = new Float64Array(0);
  /** Per feature: the query's weight × idf (see QueryVector), and an entry's centroid while scoring it. */
  byFeature = new Float64Array(0);
  centroid = new Float64Array(0);

  /** Makes every buffer long enough for the index as it is now (with room to grow). */
  fit(index: EntryIndex): this {
    const entries = index.numbers;
    if (this.bound.length < entries) {
      const size = Math.ceil(entries * 1.25);
      this.bound = new Float64Array(size);
      this.touched = new Int32Array(size);
      this.found = new Int32Array(size);
      this.bounds = new Float64Array(size);
    }
    if (this.byFeature.length < index.featureCount) {
      const size = Math.ceil(index.featureCount * 1.25);
      this.byFeature = new Float64Array(size);
      this.centroid = new Float64Array(size);
    }
    return this;
  }
}

const scratches = new WeakMap<EntryIndex, Scratch>();

export function scratchOf(index: EntryIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) scratches.set(index, (scratch = new Scratch()));
  return scratch.fit(index);
}
