import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { writeIfFree } from '../../db/write-transaction.ts';
import { workerTask } from '../worker-task.ts';
import { examplesOf, logProbabilities, MAX_WORK, type Examples } from './entry-classifier.ts';
import type { EntryVectors } from './entry-vectors.ts';
import { storedWeights, storeWeights, trainingKey } from './classifier-weights.ts';

/** Retraining waits this long after a change, so a burst of saves trains once. */
const RETRAIN_MS = 1000;
/** Above this many vetted entries no classifier is trained (see MAX_WORK), without reading their vectors. */
const MAX_CLASSES = 1000;
/** Entries whose vectors are read per turn of the event loop while a training set is gathered. */
const GATHER_STEP = 25;

const statements = preparedFor((db) => ({
  vetted: db.prepare<[limit: number], string>(`SELECT id FROM entries WHERE status = 'vetted' ORDER BY id LIMIT ?`).pluck(),
}));

const trainInWorker = workerTask<Examples, Float32Array>(new URL('./classifier-worker.mjs', import.meta.url), (examples) => [
  examples.vectors.buffer as ArrayBuffer,
  examples.labels.buffer as ArrayBuffer,
]);

interface Trained {
  classOf: Map<string, number>;
  weights: Float32Array;
  classes: number;
}

/**
 * The entry classifier (entry-classifier.ts) kept in step with the vetted entries: trained in a
 * worker once every vetted entry has vectors, and again a second after the vetted entries or
 * their texts change; weights trained on exactly the same entries and texts before are read from
 * SQLite instead (classifier-weights.ts). Until it is trained (and on knowledge bases too large for it) search fuses
 * without it; meanwhile the previous one answers.
 */
export class MeaningClassifier {
  private trained: Trained | null = null;
  /** The vetted entries and their texts (ids and centroid keys) the classifier was last trained on. */
  private trainedOn = '';
  /** The change sequence and vector progress last looked at. */
  private checked = '';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Trainings run so far (tests count them). */
  trainings = 0;

  constructor(
    private readonly db: Db,
    private readonly vectors: EntryVectors,
  ) {}

  /** The log-probability the classifier gives each entry it knows for the query, or null when there is none. */
  scoresFor(query: Int8Array): ((id: string) => number | undefined) | null {
    const trained = this.trained;
    if (!trained) return null;
    const scores = logProbabilities(trained.weights, trained.classes, query);
    return (id) => {
      const c = trained.classOf.get(id);
      return c === undefined ? undefined : scores[c];
    };
  }

  /** Called by each settled search, after the vectors caught up: after a change, retrains a second later (if the training set changed). */
  follow(): void {
    const mark = `${this.vectors.caughtUpTo}:${this.vectors.withVectors}`;
    if (mark === this.checked || this.running || this.timer) return;
    this.checked = mark;
    this.timer = setTimeout(() => void this.run(), RETRAIN_MS).unref();
  }

  /** Trains now if the training set changed, and resolves once the classifier is up to date (tests, benchmarks). */
  async settled(): Promise<void> {
    await this.running;
    if (this.timer) clearTimeout(this.timer);
    await this.run();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    this.timer = null;
    this.running ??= this.retrain()
      .catch((error) => console.error('Search: training the entry classifier failed; search goes on without it.', error))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async retrain(): Promise<void> {
    if (!this.db.open) return;
    const ids = statements(this.db).vetted.all(MAX_CLASSES + 1);
    const on = ids.map((id) => `${id} ${this.vectors.centroidKeyOf(id) ?? ''}`).join('\n');
    if (on === this.trainedOn) return;
    if (ids.length > MAX_CLASSES) return this.use(null, on);
    const classOf = new Map(ids.map((id, c) => [id, c]));
    // Trained on exactly this before (by this process before a restart, or by another one on the file).
    const key = trainingKey(on);
    const stored = storedWeights(this.db, key);
    if (stored) return this.use({ classOf, weights: stored, classes: ids.length }, on);
    // Every vetted entry needs its vectors first (the classifier is trained on all of them at once).
    if (ids.some((id) => !this.vectors.centroidOf(id))) return;
    const byClass: Int8Array[] = [];
    for (let from = 0; from < ids.length; from += GATHER_STEP) {
      for (const id of ids.slice(from, from + GATHER_STEP)) {
        const texts = this.vectors.textVectorsOf(id);
        if (!texts) return;
        byClass.push(texts);
      }
      await nextTurn();
      if (!this.db.open) return;
    }
    const examples = examplesOf(byClass);
    if (examples.classes * examples.labels.length > MAX_WORK) return this.use(null, on);
    const weights = await trainInWorker(examples);
    this.trainings++;
    if (!this.db.open) return;
    // Never waiting for another process's write: if the lock is taken, the next start trains again.
    writeIfFree(this.db, () => storeWeights(this.db, key, weights));
    this.use({ classOf, weights, classes: ids.length }, on);
  }

  private use(trained: Trained | null, on: string): void {
    this.trained = trained;
    this.trainedOn = on;
  }
}
