import type { Db } from '../../db/connection.ts';
import { changedEntries, latestChangeSeq } from '../../db/changes.ts';
import { writeIfFree } from '../../db/write-transaction.ts';
import { backgroundSlices } from '../index/background-slices.ts';
import type { Encoder } from './encoder.ts';
import { countSearchable, entryTextPages, entryTexts, type EntryTexts } from './entry-texts.ts';
import { RecentVectors } from './recent-vectors.ts';
import { SpreadSet } from './spread-set.ts';
import { dropVectors, hasVector, storedHashesAfter, storedVector, storedVectors, storeVectors, textHash } from './text-vectors.ts';
import { centroid, DIMENSIONS } from './vector-math.ts';

/** Texts per request to the background encoder: big enough to batch well, small enough to stop soon. */
const BATCH = 32;
/**
 * Looking for stale vectors reads every stored hash: at most this often, the first time this long
 * after the start (when reading every entry's vectors already keeps the server busy).
 */
const SWEEP_EVERY_MS = 10 * 60_000;
/** A slice of background work stops after this long: a request arriving meanwhile waits about as much. */
const SLICE_MS = 8;
/** Entries read per step of the start (each costs a hash per text and a lookup). */
const LOAD_PAGE = 25;
/** Changed entries taken up by the request that notices them; a larger batch is left to background slices. */
const IN_REQUEST = 50;
/** Stored hashes a step of the sweep reads. */
const SWEEP_PAGE = 2000;
/** Entries whose keys a step of the sweep notes (about 10 keys each). */
const SWEEP_NOTE = 200;
/** Vectors not stored because another process held the write lock are tried again after this long. */
const RETRY_WRITE_MS = 250;
/** The recently ranked entries' text vectors kept in memory (SEARCH_VECTOR_CACHE_MB). */
export const RECENT_BYTES = 96 * 2 ** 20;

/** Where an entry's vectors are stored: one key per text, and one for their centroid. */
export function vectorKeys(modelId: string, texts: string[]): { hashes: string[]; centroidKey: string } {
  const hashes = texts.map((text) => textHash(modelId, text));
  return { hashes, centroidKey: textHash(modelId, `centroid\n${hashes.join('\n')}`) };
}

interface EntryMeaning {
  /** The texts' hashes, joined by newlines: one string per entry, not one per text (900k at 100k entries). */
  hashes: string;
  /** The centroid is stored like a text's vector, under a key made of its texts' hashes. */
  centroidKey: string;
  centroid: Int8Array | null;
}

/** A look for stored vectors no entry uses: first the keys in use are noted, then the stored ones read in order. */
interface Sweep {
  keep: SpreadSet;
  noting: Iterator<EntryMeaning> | null;
  after: string;
}

export interface VectorProgress {
  /** Entries whose texts all have vectors. */
  done: number;
  total: number;
}

/**
 * Every searchable entry's sentence vectors: the centroid in memory (for finding entries by meaning
 * alone), each text's vector in SQLite, read for the candidates being re-ranked and kept for the
 * entries ranked lately (RecentVectors). Follows the change sequence like the lexical index; texts
 * without a stored vector wait in a backlog that a background encoder works through, so the
 * request thread never runs the model. Reading the entries at start, taking up a large batch of
 * changes and sweeping stale vectors run in slices of at most SLICE_MS, requests answered between.
 */
export class EntryVectors {
  private readonly entries = new Map<string, EntryMeaning>();
  /** Texts to encode, by hash, and the entries waiting for each. */
  private readonly backlog = new Map<string, { text: string; entries: Set<string> }>();
  /** Changed entries not taken up yet: their old vectors are kept but not used (unchanged texts then cost little to take up). */
  private readonly waiting = new Set<string>();
  /** Vectors worked out and not stored yet (see writeIfFree), by hash: read from here first. */
  private readonly unsaved = new Map<string, Int8Array>();
  private storing: NodeJS.Immediate | NodeJS.Timeout | null = null;
  /** The start reading every entry, a page per step; null once read. */
  private pages: Generator<EntryTexts[]> | null = null;
  private searchable = 0;
  private seq: number;
  private done = 0;
  private draining: Promise<void> | null = null;
  private sweep: Sweep | null = null;
  private lastSweep = Date.now();
  private loaded = false;
  private readonly background = backgroundSlices('sentence vectors', () => this.slice());
  readonly recent: RecentVectors;
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
    recentBytes = RECENT_BYTES,
  ) {
    this.seq = latestChangeSeq(db);
    this.recent = new RecentVectors(recentBytes);
  }

  /**
   * Reads every entry in background slices (searches are answered meanwhile, by words for the
   * entries not read yet), encodes what is missing, then drops stale vectors. Resolves when done.
   */
  async load(): Promise<void> {
    this.searchable = countSearchable(this.db);
    this.pages = entryTextPages(this.db, LOAD_PAGE);
    this.background.start();
    setTimeout(() => this.maybeSweep(), SWEEP_EVERY_MS).unref();
    await this.idle();
  }

  /** Applies the writes made since the last call: changed entries' new texts join the backlog. */
  catchUp(): void {
    const latest = latestChangeSeq(this.db);
    if (latest <= this.seq) return;
    const changed = changedEntries(this.db, this.seq, latest);
    this.seq = latest;
    for (const id of changed) this.waiting.add(id);
    if (this.waiting.size > IN_REQUEST) {
      // A large batch (an import): taken up in the background; an entry waiting shows no vectors meanwhile.
      this.background.start();
    } else {
      for (const id of this.waiting) this.takeUp(id);
    }
    if (this.loaded) this.kick();
  }

  /** The change sequence taken up by the last catchUp(). */
  get caughtUpTo(): number {
    return this.seq;
  }

  /** Entries with all their vectors in memory, those waiting to be taken up included: cheap, for every search (progress() is exact). */
  get withVectors(): number {
    return this.done;
  }

  progress(): VectorProgress {
    // Entries waiting to be taken up are not done, whatever vectors their old texts had.
    let done = this.done;
    let known = this.entries.size;
    for (const id of this.waiting) {
      const entry = this.entries.get(id);
      if (!entry) known++;
      else if (entry.centroid) done--;
    }
    return { done, total: this.pages ? Math.max(this.searchable, known) : known };
  }

  /** Entries still to read (at start) or to take up (changed): everything but encoding and sweeping. */
  get reading(): boolean {
    return this.pages !== null || this.waiting.size > 0;
  }

  /** Work still to do: entries to read, texts waiting for the encoder, stale vectors to sweep. */
  get busy(): boolean {
    return this.pages !== null || this.draining !== null || this.waiting.size > 0 || this.sweep !== null;
  }

  centroidOf(id: string): Int8Array | null {
    return this.current(id)?.centroid ?? null;
  }

  /** The key of the entry's centroid: it changes whenever the entry's texts do. */
  centroidKeyOf(id: string): string | undefined {
    return this.current(id)?.centroidKey;
  }

  /** The entry's text vectors, packed, or null while any is missing. */
  textVectorsOf(id: string): Int8Array | null {
    const entry = this.current(id);
    if (!entry?.centroid) return null;
    const recent = this.recent.get(id);
    if (recent) return recent;
    const packed = this.vectorsOf(entry.hashes.split('\n'));
    if (packed) this.recent.set(id, packed);
    return packed;
  }

  /** Resolves once nothing is left to do, a sweep for stale vectors included, due or not (for tests and the benchmark). */
  async settled(): Promise<void> {
    await this.idle();
    this.maybeSweep(true);
    await this.idle();
  }

  /** Resolves once no work is under way or due. */
  private async idle(): Promise<void> {
    while (this.busy && !this.closed && this.db.open) {
      await this.background.idle();
      await this.draining;
      this.maybeSweep();
      await this.background.idle();
    }
  }

  private slice(): boolean {
    if (this.closed || !this.db.open) return false;
    const until = performance.now() + SLICE_MS;
    do {
      const next = this.waiting.values().next();
      if (!next.done) this.takeUp(next.value);
      else if (this.pages) this.readPage(this.pages);
      else if (this.sweep) this.sweepStep(this.sweep);
      else break;
    } while (performance.now() < until);
    if (this.loaded) this.kick();
    return this.waiting.size > 0 || this.pages !== null || this.sweep !== null;
  }

  private readPage(pages: Generator<EntryTexts[]>): void {
    const page = pages.next();
    if (page.done) {
      this.pages = null;
      this.loaded = true;
    } else page.value.forEach((entry) => this.track(entry));
  }

  private takeUp(id: string): void {
    this.waiting.delete(id);
    const entry = entryTexts(this.db, id);
    if (entry) this.track(entry);
    else this.untrack(id);
  }

  private track({ id, texts }: EntryTexts): void {
    const { hashes, centroidKey } = vectorKeys(this.modelId, texts);
    if (this.entries.get(id)?.centroidKey === centroidKey) return;
    this.untrack(id);
    const entry: EntryMeaning = { hashes: hashes.join('\n'), centroidKey, centroid: this.unsaved.get(centroidKey) ?? storedVector(this.db, centroidKey)?.slice() ?? null };
    this.entries.set(id, entry);
    if (this.sweep) [centroidKey, ...hashes].forEach((hash) => this.sweep!.keep.add(hash));
    if (entry.centroid) {
      this.done++;
      return;
    }
    let missing = 0;
    texts.forEach((text, i) => {
      const hash = hashes[i]!;
      if (this.unsaved.has(hash) || hasVector(this.db, hash)) return;
      missing++;
      const waiting = this.backlog.get(hash) ?? { text, entries: new Set<string>() };
      waiting.entries.add(id);
      this.backlog.set(hash, waiting);
    });
    if (!missing) this.finish(id);
  }

  /** What is known of the entry's meaning, unless it changed and waits to be taken up (its texts may be new). */
  private current(id: string): EntryMeaning | undefined {
    return this.waiting.has(id) ? undefined : this.entries.get(id);
  }

  private untrack(id: string): void {
    if (this.entries.get(id)?.centroid) this.done--;
    this.entries.delete(id);
    this.recent.delete(id);
  }

  /** All of the entry's texts have vectors: its centroid is worked out and stored. */
  private finish(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.centroid) return;
    const texts = this.vectorsOf(entry.hashes.split('\n'));
    if (!texts) return;
    entry.centroid = centroid(texts);
    this.done++;
    this.store([[entry.centroidKey, entry.centroid]]);
  }

  /** The vectors of these hashes, packed, or null if any is missing. */
  private vectorsOf(hashes: string[]): Int8Array | null {
    if (!hashes.some((hash) => this.unsaved.has(hash))) return storedVectors(this.db, hashes);
    const packed = new Int8Array(hashes.length * DIMENSIONS);
    for (const [i, hash] of hashes.entries()) {
      const vector = this.unsaved.get(hash) ?? storedVector(this.db, hash);
      if (!vector) return null;
      packed.set(vector, i * DIMENSIONS);
    }
    return packed;
  }

  /** Stores vectors soon (next turn of the event loop), and again later if the write lock is taken. */
  private store(rows: [string, Int8Array][]): void {
    for (const [hash, vector] of rows) this.unsaved.set(hash, vector);
    this.storing ??= setImmediate(() => this.storeUnsaved());
  }

  private storeUnsaved(): void {
    this.storing = null;
    if (!this.unsaved.size || this.closed || !this.db.open) return;
    if (writeIfFree(this.db, () => storeVectors(this.db, [...this.unsaved]))) this.unsaved.clear();
    else this.storing = setTimeout(() => this.storeUnsaved(), RETRY_WRITE_MS).unref();
  }

  private kick(): void {
    if (this.draining || this.failure || this.closed || !this.backlog.size) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.maybeSweep();
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
        if (this.closed || !this.db.open) return;
        this.encodedTexts += batch.length;
        this.store(batch.map((hash, i) => [hash, packed.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS)]));
        for (const hash of batch) {
          const waiting = this.backlog.get(hash);
          this.backlog.delete(hash);
          waiting?.entries.forEach((id) => this.finish(id));
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
    // What was encoded is kept if the lock allows (a restart would encode it again otherwise).
    if (this.storing) clearTimeout(this.storing as NodeJS.Timeout);
    this.storeUnsaved();
    this.closed = true;
    await this.encoder?.close();
  }

  /** Starts a sweep for vectors of texts no entry has any more (edited, removed or archived), when one is due (or now). */
  private maybeSweep(now = false): void {
    if (!this.loaded || this.draining || this.sweep || this.waiting.size || this.closed) return;
    if (!now && Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.sweep = { keep: new SpreadSet(), noting: this.entries.values(), after: '' };
    this.background.start();
  }

  private sweepStep(sweep: Sweep): void {
    if (sweep.noting) {
      for (let n = 0; n < SWEEP_NOTE; n++) {
        const next = sweep.noting.next();
        if (next.done) {
          sweep.noting = null;
          return;
        }
        sweep.keep.add(next.value.centroidKey);
        next.value.hashes.split('\n').forEach((hash) => sweep.keep.add(hash));
      }
      return;
    }
    const hashes = storedHashesAfter(this.db, sweep.after, SWEEP_PAGE);
    if (!hashes.length) {
      this.sweep = null;
      return;
    }
    sweep.after = hashes.at(-1)!;
    const stale = hashes.filter((hash) => !sweep.keep.has(hash));
    // Another process is writing (an import, say): this sweep ends here, the next one goes on.
    if (stale.length && !writeIfFree(this.db, () => dropVectors(this.db, stale))) this.sweep = null;
  }
}

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  for (const item of items) {
    yield item;
    if (--count === 0) return;
  }
}
