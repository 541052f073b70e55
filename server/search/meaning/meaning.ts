import type { Db } from '../../db/connection.ts';
import { Encoder } from './encoder.ts';
import { countSearchable } from './entry-texts.ts';
import { EntryVectors, RECENT_BYTES, type VectorProgress } from './entry-vectors.ts';
import { FUSION, type FusionWeights } from './fusion.ts';
import { MeaningClassifier } from './meaning-classifier.ts';
import { modelFromEnv, type Model } from './model-folder.ts';
import { QueryVectors } from './query-vectors.ts';

export interface MeaningOptions {
  /** The sentence encoder's folder and id; null searches by words only. Default: SEARCH_MODEL. */
  model?: Model | null;
  /** How long a settled query waits for its vector before it is answered by words alone. Default: SEARCH_QUERY_WAIT_MS or 50. */
  queryWaitMs?: number;
  /** Memory for the text vectors of recently ranked entries, in bytes. Default: SEARCH_VECTOR_CACHE_MB or 96 MB. */
  recentBytes?: number;
}

export interface MeaningStatus extends VectorProgress {
  /** Why vectors are not being computed, when they are not. */
  error?: string;
}

const QUERY_WAIT_MS = 50;

/**
 * Meaning-aware search: entry vectors kept in step in the background, settled queries encoded in
 * their own worker so a backlog never holds them up. Everything here is optional to search:
 * without a model, or while vectors are missing, search answers by words.
 */
export class Meaning {
  readonly entries: EntryVectors | null;
  readonly queries: QueryVectors | null;
  readonly classifier: MeaningClassifier | null;
  /** The fusion's weights while the entry classifier is trained (without it: FUSION_WITHOUT_CLASSIFIER). */
  weights: FusionWeights = FUSION;
  private readonly queryEncoder: Encoder | null;
  private readonly loading: Promise<void>;

  constructor(
    private readonly db: Db,
    {
      model = modelFromEnv(),
      queryWaitMs = Number(process.env.SEARCH_QUERY_WAIT_MS) || QUERY_WAIT_MS,
      recentBytes = Number(process.env.SEARCH_VECTOR_CACHE_MB) * 2 ** 20 || RECENT_BYTES,
    }: MeaningOptions = {},
  ) {
    if (!model) {
      this.entries = this.queries = this.queryEncoder = this.classifier = null;
      this.loading = Promise.resolve();
      return;
    }
    this.queryEncoder = new Encoder(model.dir);
    this.queries = new QueryVectors(this.queryEncoder, queryWaitMs);
    this.entries = new EntryVectors(db, model.id, () => new Encoder(model.dir), recentBytes);
    this.classifier = new MeaningClassifier(db, this.entries);
    // A failure (the database closed under it, say) leaves search by words, never an unhandled error.
    this.loading = this.entries.load().catch((error) => this.entries?.fail(String(error)));
  }

  status(): MeaningStatus {
    if (!this.entries) return { done: 0, total: countSearchable(this.db), error: 'no sentence model (SEARCH_MODEL=off, or the model package is missing)' };
    this.entries.catchUp();
    const { failure } = this.entries;
    return { ...this.entries.progress(), ...(failure && { error: failure }) };
  }

  /** The query's vector, or null: no model, no entry vectors yet, or the encoder too slow. */
  async vectorOf(query: string): Promise<Int8Array | null> {
    if (!this.entries || !this.queries) return null;
    this.entries.catchUp();
    if (!this.entries.withVectors) return null;
    this.classifier?.follow();
    return this.queries.vectorOf(query);
  }

  /** Resolves when the start has read every entry, the backlog is encoded and the classifier trained on it. */
  async settled(): Promise<void> {
    await this.loading;
    await this.entries?.settled();
    await this.classifier?.settled();
  }

  async close(): Promise<void> {
    this.classifier?.close();
    await Promise.all([this.queryEncoder?.close(), this.entries?.close()]);
  }
}
