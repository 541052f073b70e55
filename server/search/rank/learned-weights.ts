import { TF, VETTED, type EntryIndex, type LearnedRow } from '../index/entry-index.ts';
import { indexOf, learnedScore, normalisedVector, type SparseVector } from './relevance.ts';

/**
 * Learns, from the phrasings, which words tell an entry apart from the entries it is confused with:
 * a softmax classifier over entries, trained on each entry's title and phrasings (labelled examples
 * of how customers ask). Each entry only has weights for its own words, so the weights stay sparse.
 * Each example is contrasted with its NEIGHBOURS closest entries; the other entries count as
 * scoring zero. Only vetted entries take part. Training costs about entries × phrasings × NEIGHBOURS × words × EPOCHS, so it is
 * skipped above MAX_WORK (a few thousand entries); search then ranks without learned weights.
 */
const EPOCHS = 20;
const LEARNING_RATE = 2;
const L2 = 0.001;
const NEIGHBOURS = 30;
const MAX_WORK = 2e7;

interface Example {
  no: number;
  vector: SparseVector;
  neighbours: number[];
}

export function learnWeights(index: EntryIndex): boolean {
  index.learned = new Map();
  // Only vetted entries teach the ranker: a draft's phrasings are not checked yet.
  const docs = [...index.live()].filter((no) => index.columns.status.data[no] === VETTED);
  const exampleCount = docs.reduce((n, no) => n + index.columns.examples.data[no]!, 0);
  if (exampleCount * NEIGHBOURS * 12 * EPOCHS > MAX_WORK) return false;
  const rows = new Map<number, LearnedRow>();
  for (const no of docs) {
    const features = index.distinctFeatures(no);
    rows.set(no, { features, weights: new Float32Array(features.length) });
  }
  const examples = docs.flatMap((no) => examplesOf(index, no, rows));
  const others = docs.length;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { weights } of rows.values()) weights.forEach((w, i) => (weights[i] = w * (1 - LEARNING_RATE * L2)));
    for (const { no, vector, neighbours } of examples) {
      const logits = neighbours.map((n) => learnedScore(rows.get(n)!, vector));
      const top = Math.max(0, ...logits);
      const exps = logits.map((z) => Math.exp(z - top));
      const total = exps.reduce((a, b) => a + b, 0) + (others - neighbours.length) * Math.exp(-top);
      neighbours.forEach((n, k) => {
        const gradient = exps[k]! / total - (n === no ? 1 : 0);
        if (Math.abs(gradient) < 1e-4) return;
        const row = rows.get(n)!;
        vector.features.forEach((feature, i) => {
          const at = indexOf(row.features, feature);
          if (at >= 0) row.weights[at]! -= LEARNING_RATE * gradient * vector.weights[i]!;
        });
      });
    }
  }
  index.learned = rows;
  return true;
}

/** The entry's title and phrasings as query vectors, each with its closest entries (itself first). */
function examplesOf(index: EntryIndex, no: number, rows: Map<number, LearnedRow>): Example[] {
  const { firstText, examples: exampleCounts, featureStart, features, counts } = index.columns;
  const examples: Example[] = [];
  const first = firstText.data[no]!;
  for (let t = first; t < first + exampleCounts.data[no]!; t++) {
    const weights = new Map<number, number>();
    for (let i = featureStart.data[t]!; i < featureStart.data[t + 1]!; i++) weights.set(features.data[i]!, TF[counts.data[i]!]!);
    if (!weights.size) continue;
    const vector = normalisedVector(index, weights);
    examples.push({ no, vector, neighbours: [no, ...closest(index, no, vector, rows)] });
  }
  return examples;
}

function closest(index: EntryIndex, self: number, vector: SparseVector, rows: Map<number, LearnedRow>): number[] {
  const overlap = new Map<number, number>();
  vector.features.forEach((feature, i) => {
    const posting = index.postings[feature]!;
    for (let p = 0; p < posting.length; p++) {
      const no = posting.nos[p]!;
      if (no !== self && rows.has(no)) overlap.set(no, (overlap.get(no) ?? 0) + vector.weights[i]!);
    }
  });
  return [...overlap].sort((a, b) => b[1] - a[1]).slice(0, NEIGHBOURS - 1).map(([no]) => no);
}
