import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../db/connection.ts';
import { changesSince, latestChangeSeq } from '../../db/changes.ts';
import type { Encoder } from './encoder.ts';
import { entryTextPages, entryTexts, type EntryTexts } from './entry-texts.ts';
import { dropVectors, hasVector, storedVector, storeVectors, textHash } from './text-vectors.ts';
import { centroid, DIMENSIONS } from './vector-math.ts';

/** Texts per request to the background encoder: big enough to batch well, small enough to stop soon. */
const BATCH = 32;
/** Looking for stale vectors reads every stored hash: after the start, at most this often. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Where an entry's vectors are stored: one key per text, and one for their centroid. */
export function vectorKeys(modelId: string, texts: string[]): { hashes: string[]; centroidKey: string } {
  const hashes = texts.map((text) => textHash(modelId, text));
  return { hashes, centroidKey: textHash(modelId, `centroid\n${hashes.join('\n')}`) };
}

interface EntryMeaning {
  hashes: string[];
  /** The centroid is stored like a text's vector, under a key made of its texts' hashes. */
  centroidKey: string;
  centroid: Int8Array | null;
}

export interface VectorProgress {
  /** Entries whose texts all have vectors. */
  done: number;
  total: number;
}

/**
 * Every searchable entry's sentence vectors: the centroid in memory (for finding entries by meaning
 * alone), each text's vector in SQLite (read for the few candidates being re-ranked). Follows the
 * change sequence like the lexical index; texts without a stored vector wait in a backlog that a
 * background encoder works through, so the request thread never runs the model.
 */
export class EntryVectors {
  private readonly entries = new Map<string, EntryMeaning>();
  /** Texts to encode, by hash, and the entries waiting for each. */
  private readonly backlog = new Map<string, { text: string; entries: Set<string> }>();
  private seq: number;
  private done = 0;
  private draining: Promise<void> | null = null;
  private loaded = false;
  private lastSweep = 0;
  /** Texts encoded so far (tests and the benchmark count them). */
  encodedTexts = 0;
  private encoder: Encoder | null = null;
  private closed = false;
  /** Why the model could not encode, if it could not: the backlog then waits for a restart. */
  failure: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly modelId: string,
    /** A background encoder, started when there is work and closed when there is none. */
    private readonly startEncoder: () => Encoder,
  ) {
    this.seq = latestChangeSeq(db);
  }

  /** Reads every entry, a page at a time so searches are answered meanwhile; then drops stale vectors. */
  async load(): Promise<void> {
    for (const page of entryTextPages(this.db)) {
      page.forEach((entry) => this.track(entry));
      await nextTurn();
    }
    this.loaded = true;
    this.kick();
    await this.draining;
    this.dropStale();
  }

  /** Applies the writes made since the last call: changed entries' new texts join the backlog. */
  catchUp(): void {
    const latest = latestChangeSeq(this.db);
    if (latest <= this.seq) return;
    const changed = new Set(changesSince(this.db, this.seq).filter((c) => c.subject === 'entry').map((c) => c.id));
    this.seq = latest;
    for (const id of changed) {
      const entry = entryTexts(this.db, id);
      if (entry) this.track(entry);
      else this.untrack(id);
    }
    if (this.loaded) this.kick();
  }

  progress(): VectorProgress {
    return { done: this.done, total: this.entries.size };
  }

  /** Work still to do: texts waiting for the encoder, or a start still reading entries. */
  get busy(): boolean {
    return !this.loaded || this.draining !== null;
  }

  centroidOf(id: string): Int8Array | null {
    return this.entries.get(id)?.centroid ?? null;
  }

  /** The entry's text vectors, packed, or null while any is missing. */
  textVectorsOf(id: string): Int8Array | null {
    const entry = this.entries.get(id);
    if (!entry?.centroid) return null;
    const packed = new Int8Array(entry.hashes.length * DIMENSIONS);
    for (const [i, hash] of entry.hashes.entries()) {
      const vector = storedVector(this.db, hash);
      if (!vector) return null;
      packed.set(vector, i * DIMENSIONS);
    }
    return packed;
  }

  /** Resolves once the backlog is empty (for tests and the benchmark). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private track({ id, texts }: EntryTexts): void {
    const { hashes, centroidKey } = vectorKeys(this.modelId, texts);
    const old = this.entries.get(id);
    if (old?.centroidKey === centroidKey) return;
    if (old?.centroid) this.done--;
    const entry: EntryMeaning = { hashes, centroidKey, centroid: storedVector(this.db, centroidKey) ?? null };
    this.entries.set(id, entry);
    if (entry.centroid) {
      this.done++;
      return;
    }
    let missing = 0;
    texts.forEach((text, i) => {
      const hash = hashes[i]!;
      if (hasVector(this.db, hash)) return;
      missing++;
      const waiting = this.backlog.get(hash) ?? { text, entries: new Set<string>() };
      waiting.entries.add(id);
      this.backlog.set(hash, waiting);
    });
    if (!missing) this.finish(id);
  }

  private untrack(id: string): void {
    if (this.entries.get(id)?.centroid) this.done--;
    this.entries.delete(id);
  }

  /** All of the entry's texts have vectors: its centroid is worked out and stored. */
  private finish(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.centroid) return;
    const texts = new Int8Array(entry.hashes.length * DIMENSIONS);
    for (const [i, hash] of entry.hashes.entries()) {
      const vector = storedVector(this.db, hash);
      if (!vector) return;
      texts.set(vector, i * DIMENSIONS);
    }
    entry.centroid = centroid(texts);
    storeVectors(this.db, [[entry.centroidKey, entry.centroid]]);
    this.done++;
  }

  private kick(): void {
    if (this.draining || this.failure || this.closed || !this.backlog.size) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.dropStale();
    });
  }

  private async drain(): Promise<void> {
    const encoder = (this.encoder = this.startEncoder());
    try {
      if (!(await encoder.ready)) {
        this.failure = encoder.failure ?? 'the model did not load';
        return;
      }
      while (this.backlog.size && !this.closed) {
        const batch = [...take(this.backlog.keys(), BATCH)];
        const packed = await encoder.encode(batch.map((hash) => this.backlog.get(hash)!.text));
        this.encodedTexts += batch.length;
        storeVectors(this.db, batch.map((hash, i) => [hash, packed.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS)]));
        for (const hash of batch) {
          const { entries } = this.backlog.get(hash)!;
          this.backlog.delete(hash);
          entries.forEach((id) => this.finish(id));
        }
      }
    } catch (error) {
      // The model failed mid-way: what was encoded is kept, search goes on lexically for the rest.
      this.failure = String(error);
    } finally {
      this.encoder = null;
      await encoder.close();
    }
  }

  fail(reason: string): void {
    this.failure ??= reason;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.encoder?.close();
  }

  /** Vectors of texts no entry has any more (edited, removed or archived) are dropped. */
  private dropStale(): void {
    if (!this.loaded || this.draining || (this.lastSweep && Date.now() - this.lastSweep < SWEEP_EVERY_MS)) return;
    this.lastSweep = Date.now();
    const keep = new Set<string>();
    for (const entry of this.entries.values()) {
      keep.add(entry.centroidKey);
      entry.hashes.forEach((hash) => keep.add(hash));
    }
    dropVectors(this.db, (hash) => keep.has(hash));
  }
}

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  for (const item of items) {
    yield item;
    if (--count === 0) return;
  }
}
