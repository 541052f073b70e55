import { NOT_LEARNED, type EntryIndex, type IndexedDoc } from './entry-index.ts';
import { indexOf, learnedScore, queryVector } from './relevance.ts';

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
  doc: IndexedDoc;
  vector: Map<number, number>;
  neighbours: IndexedDoc[];
}

export function learnWeights(index: EntryIndex): boolean {
  for (const doc of index.live()) doc.learned = NOT_LEARNED;
  // Only vetted entries teach the ranker: a draft's phrasings are not checked yet.
  const docs = [...index.live()].filter((doc) => doc.entry.status === 'vetted');
  const exampleCount = docs.reduce((n, doc) => n + doc.examples, 0);
  if (exampleCount * NEIGHBOURS * 12 * EPOCHS > MAX_WORK) return false;
  for (const doc of docs) doc.learned = new Float32Array(doc.distinct.length);
  const examples = docs.flatMap((doc) => examplesOf(index, doc));
  const others = docs.length;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const doc of docs) doc.learned.forEach((w, i) => (doc.learned[i] = w * (1 - LEARNING_RATE * L2)));
    for (const { doc, vector, neighbours } of examples) {
      const logits = neighbours.map((n) => learnedScore(n, vector));
      const top = Math.max(0, ...logits);
      const exps = logits.map((z) => Math.exp(z - top));
      const total = exps.reduce((a, b) => a + b, 0) + (others - neighbours.length) * Math.exp(-top);
      neighbours.forEach((n, k) => {
        const gradient = exps[k]! / total - (n === doc ? 1 : 0);
        if (Math.abs(gradient) < 1e-4) return;
        for (const [feature, x] of vector) {
          const at = indexOf(n.distinct, feature);
          if (at >= 0) n.learned[at]! -= LEARNING_RATE * gradient * x;
        }
      });
    }
  }
  return true;
}

/** The entry's title and phrasings as query vectors, each with its closest entries (itself first). */
function examplesOf(index: EntryIndex, doc: IndexedDoc): Example[] {
  const examples: Example[] = [];
  for (let t = 0; t < doc.examples; t++) {
    const weights = new Map<number, number>();
    for (let i = doc.starts[t]!; i < doc.starts[t + 1]!; i++) weights.set(doc.features[i]!, doc.counts[i]!);
    if (!weights.size) continue;
    const vector = queryVector(index, weights);
    examples.push({ doc, vector, neighbours: [doc, ...closest(index, doc, vector)] });
  }
  return examples;
}

function closest(index: EntryIndex, self: IndexedDoc, vector: Map<number, number>): IndexedDoc[] {
  const overlap = new Map<IndexedDoc, number>();
  for (const [feature, w] of vector) {
    for (const no of index.postings[feature]!) {
      const doc = index.docs[no];
      if (doc && doc !== self && doc.learned.length) overlap.set(doc, (overlap.get(doc) ?? 0) + w);
    }
  }
  return [...overlap].sort((a, b) => b[1] - a[1]).slice(0, NEIGHBOURS - 1).map(([doc]) => doc);
}
