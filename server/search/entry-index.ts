import type { EntryKind, EntryStatus } from '../entries/entry.ts';
import { stem, surfaceWords } from './text-analysis.ts';
import { Vocabulary } from './vocabulary.ts';

/** What search needs of an entry, read from the database. */
export interface IndexedEntry {
  id: string;
  title: string;
  kind: EntryKind;
  category: string;
  categorySlug: string;
  language: string;
  status: EntryStatus;
  phrasings: string[];
  tags: string;
  summary: string;
  body: string;
}

/**
 * How much a match in each field counts, relative to the title and the phrasings (the customer's
 * own words, which count fully).
 */
/** Shared by every entry until weights are learned, so an untrained index costs nothing. */
export const NOT_LEARNED = new Float32Array(0);

const FIELD_WEIGHTS = { tags: 0.8, summary: 0.6, body: 0.4 } as const;

/**
 * One entry in the index. Its texts are stored as sparse vectors packed in typed arrays (an index
 * of 100k entries holds a million of them): text `t` owns positions starts[t] … starts[t+1]-1.
 * The first `examples` texts are the title and the phrasings; the rest are the other fields.
 */
export interface IndexedDoc {
  no: number;
  entry: IndexedEntry;
  features: Int32Array;
  counts: Float32Array;
  starts: Uint32Array;
  weights: Float32Array;
  examples: number;
  /** The distinct features of the entry, sorted. */
  distinct: Int32Array;
  /** Learned weight of each distinct feature (see learned-weights.ts); empty until trained. */
  learned: Float32Array;
}

/**
 * The in-memory index: entries as feature vectors, which entries hold each feature, how many
 * entries hold it (for weighting) and the vocabulary. An entry that changes gets a new number; the
 * old one is left dead in the postings and skipped.
 */
export class EntryIndex {
  readonly docs: (IndexedDoc | undefined)[] = [];
  readonly vocabulary = new Vocabulary();
  readonly languages = new Set<string>();
  private readonly byId = new Map<string, IndexedDoc>();
  private readonly featureIds = new Map<string, number>();
  readonly postings: number[][] = [];
  readonly entryFrequency: number[] = [];
  private dead = 0;

  get size(): number {
    return this.byId.size;
  }

  get(id: string): IndexedDoc | undefined {
    return this.byId.get(id);
  }

  live(): IterableIterator<IndexedDoc> {
    return this.byId.values();
  }

  featureId(stemmed: string): number | undefined {
    return this.featureIds.get(stemmed);
  }

  /** idf over entries (not texts): a word said in every phrasing of one entry still singles it out. */
  idf(feature: number): number {
    return Math.log((this.size + 1) / ((this.entryFrequency[feature] ?? 0) + 1)) + 1;
  }

  put(entry: IndexedEntry): void {
    this.remove(entry.id);
    const texts = [
      { text: entry.title, weight: 1 },
      ...entry.phrasings.map((text) => ({ text, weight: 1 })),
      { text: entry.tags, weight: FIELD_WEIGHTS.tags },
      { text: entry.summary, weight: FIELD_WEIGHTS.summary },
      { text: entry.body, weight: FIELD_WEIGHTS.body },
    ];
    const features: number[] = [];
    const counts: number[] = [];
    const starts = [0];
    for (const { text } of texts) {
      const tally = new Map<number, number>();
      for (const word of surfaceWords(text)) {
        this.vocabulary.add(word);
        const feature = this.intern(stem(word, entry.language));
        tally.set(feature, (tally.get(feature) ?? 0) + 1);
      }
      for (const [feature, count] of tally) {
        features.push(feature);
        counts.push(1 + Math.log(count));
      }
      starts.push(features.length);
    }
    const distinct = Int32Array.from(new Set(features)).sort();
    const doc: IndexedDoc = {
      no: this.docs.length,
      entry,
      features: Int32Array.from(features),
      counts: Float32Array.from(counts),
      starts: Uint32Array.from(starts),
      weights: Float32Array.from(texts.map((t) => t.weight)),
      examples: 1 + entry.phrasings.length,
      distinct,
      learned: NOT_LEARNED,
    };
    this.docs.push(doc);
    this.byId.set(entry.id, doc);
    this.languages.add(entry.language);
    for (const feature of distinct) {
      this.postings[feature]!.push(doc.no);
      this.entryFrequency[feature]!++;
    }
  }

  remove(id: string): void {
    const doc = this.byId.get(id);
    if (!doc) return;
    this.byId.delete(id);
    this.docs[doc.no] = undefined;
    for (const feature of doc.distinct) this.entryFrequency[feature]!--;
    if (++this.dead > 1000 && this.dead > this.size) this.compact();
  }

  private intern(stemmed: string): number {
    let id = this.featureIds.get(stemmed);
    if (id === undefined) {
      id = this.postings.length;
      this.featureIds.set(stemmed, id);
      this.postings.push([]);
      this.entryFrequency.push(0);
    }
    return id;
  }

  /** Drops dead entry numbers from the postings once they outnumber the live ones. */
  private compact(): void {
    for (let f = 0; f < this.postings.length; f++) this.postings[f] = this.postings[f]!.filter((no) => this.docs[no]);
    this.dead = 0;
  }
}
