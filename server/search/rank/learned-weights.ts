import { TF, type EntryIndex, type LearnedRow } from '../index/entry-index.ts';
import { indexOf, learnedScore, normalisedVector, type SparseVector } from './relevance.ts';

/**
 * Learns, from the phrasings, which words tell an entry apart from the entries it is confused with:
 * a softmax classifier over entries, trained on each entry's title and phrasings (labelled examples
 * of how customers ask). Each entry only has weights for its own words, so the weights stay sparse.
 * Each example is contrasted with its NEIGHBOURS closest entries; the other entries count as
 * scoring zero. Only vetted entries take part. Training costs about entries × phrasings × NEIGHBOURS
 * × words × EPOCHS (0.5 s for BANKING77's 77 entries), so it runs in a worker thread after changes
 * (weights-trainer.ts), and is skipped above MAX_WORK (a few thousand entries); search then ranks
 * without learned weights.
 */
const EPOCHS = 20;
const LEARNING_RATE = 2;
const L2 = 0.001;
const NEIGHBOURS = 30;
const MAX_WORK = 2e7;

/**
 * What training reads of the index, packed into typed arrays a worker can be handed without a copy.
 * Entry k (entry number nos[k], ascending) has the distinct features distinct[distinctStart[k] …
 * distinctStart[k+1]-1] and the examples exampleStart[k] … exampleStart[k+1]-1; example e has the
 * features features[featureStart[e] … featureStart[e+1]-1], said counts[…] times.
 */
export interface TrainingSet {
  nos: Int32Array;
  distinctStart: Int32Array;
  distinct: Int32Array;
  exampleStart: Int32Array;
  featureStart: Int32Array;
  features: Int32Array;
  counts: Uint8Array;
  /** By feature: its idf when the set was taken. */
  idf: Float64Array;
}

/** The vetted entries' examples (a draft's phrasings are not checked yet), or null when training would cost too much. */
export function trainingSet(index: EntryIndex): TrainingSet | null {
  const nos = Int32Array.from([...index.live()].filter((no) => index.isVetted(no))).sort();
  const exampleCount = nos.reduce((n, no) => n + index.textsOf(no).examples, 0);
  if (!nos.length || exampleCount * NEIGHBOURS * 12 * EPOCHS > MAX_WORK) return null;
  const distinct: number[] = [];
  const distinctStart = [0];
  const exampleStart = [0];
  const featureStart = [0];
  const features: number[] = [];
  const counts: number[] = [];
  const packed = index.packedTexts();
  for (const no of nos) {
    distinct.push(...index.distinctFeatures(no));
    distinctStart.push(distinct.length);
    const { first, examples } = index.textsOf(no);
    for (let t = first; t < first + examples; t++) {
      for (let i = packed.featureStart[t]!; i < packed.featureStart[t + 1]!; i++) {
        features.push(packed.features[i]!);
        counts.push(packed.counts[i]!);
      }
      featureStart.push(features.length);
    }
    exampleStart.push(featureStart.length - 1);
  }
  return {
    nos,
    distinctStart: Int32Array.from(distinctStart),
    distinct: Int32Array.from(distinct),
    exampleStart: Int32Array.from(exampleStart),
    featureStart: Int32Array.from(featureStart),
    features: Int32Array.from(features),
    counts: Uint8Array.from(counts),
    idf: Float64Array.from({ length: index.featureCount }, (_, f) => index.idf(f)),
  };
}

/** The typed arrays of a set, to hand to a worker without copying them. */
export function buffersOf(set: TrainingSet): ArrayBuffer[] {
  return Object.values(set).map((array: Int32Array | Uint8Array | Float64Array) => array.buffer as ArrayBuffer);
}

interface Example {
  k: number;
  vector: SparseVector;
  neighbours: number[];
}

/** The learned weights, one per distinct feature of each entry (aligned with `set.distinct`). */
export function learnWeights(set: TrainingSet): Float32Array {
  const learned = new Float32Array(set.distinct.length);
  const rows = Array.from(set.nos, (_, k) => rowOf(set, learned, k));
  const examples = examplesOf(set, rows);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    learned.forEach((w, i) => (learned[i] = w * (1 - LEARNING_RATE * L2)));
    for (const { k, vector, neighbours } of examples) {
      const logits = neighbours.map((n) => learnedScore(rows[n]!, vector));
      const top = Math.max(0, ...logits);
      const exps = logits.map((z) => Math.exp(z - top));
      const total = exps.reduce((a, b) => a + b, 0) + (rows.length - neighbours.length) * Math.exp(-top);
      neighbours.forEach((n, j) => {
        const gradient = exps[j]! / total - (n === k ? 1 : 0);
        if (Math.abs(gradient) < 1e-4) return;
        const row = rows[n]!;
        vector.features.forEach((feature, i) => {
          const at = indexOf(row.features, feature);
          if (at >= 0) row.weights[at]! -= LEARNING_RATE * gradient * vector.weights[i]!;
        });
      });
    }
  }
  return learned;
}

/** The learned rows by entry number, viewing the set's features and the learned weights. */
export function learnedRows(set: TrainingSet, learned: Float32Array): Map<number, LearnedRow> {
  return new Map(Array.from(set.nos, (no, k) => [no, rowOf(set, learned, k)]));
}

function rowOf(set: TrainingSet, learned: Float32Array, k: number): LearnedRow {
  const from = set.distinctStart[k]!;
  const to = set.distinctStart[k + 1]!;
  return { features: set.distinct.subarray(from, to), weights: learned.subarray(from, to) };
}

/** Each entry's title and phrasings as query vectors, each with its closest entries (itself first). */
function examplesOf(set: TrainingSet, rows: LearnedRow[]): Example[] {
  // Which entries (k, ascending) hold each feature.
  const holders = new Map<number, number[]>();
  rows.forEach(({ features }, k) => features.forEach((f) => (holders.get(f) ?? holders.set(f, []).get(f)!).push(k)));
  const idf = (feature: number) => set.idf[feature]!;
  const examples: Example[] = [];
  for (let k = 0; k < rows.length; k++) {
    for (let e = set.exampleStart[k]!; e < set.exampleStart[k + 1]!; e++) {
      const weights = new Map<number, number>();
      for (let i = set.featureStart[e]!; i < set.featureStart[e + 1]!; i++) weights.set(set.features[i]!, TF[set.counts[i]!]!);
      if (!weights.size) continue;
      const vector = normalisedVector(idf, weights);
      examples.push({ k, vector, neighbours: [k, ...closest(holders, k, vector)] });
    }
  }
  return examples;
}

function closest(holders: Map<number, number[]>, self: number, vector: SparseVector): number[] {
  const overlap = new Map<number, number>();
  vector.features.forEach((feature, i) => {
    for (const k of holders.get(feature) ?? []) if (k !== self) overlap.set(k, (overlap.get(k) ?? 0) + vector.weights[i]!);
  });
  return [...overlap].sort((a, b) => b[1] - a[1]).slice(0, NEIGHBOURS - 1).map(([k]) => k);
}
