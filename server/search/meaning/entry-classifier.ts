import { DIMENSIONS } from './vector-math.ts';

/**
 * Which entry a customer means, learned from each vetted entry's title and phrasings (labelled
 * examples of how customers ask for it): a softmax regression over their sentence vectors. Nearest
 * text or centroid treats every dimension of the model alike; the regression learns which ones tell
 * an entry from its neighbours. On BANKING77 (10 phrasings an intent) it alone picks the right
 * entry for 0.76 of the dev queries, the nearest text for 0.72; fused with the other signals it
 * lifts held-out top-1 from 0.79 to 0.81 (README, Relevance).
 *
 * Training costs classes × examples × DIMENSIONS × 2 per epoch: it runs in a worker thread
 * (classifier-worker.ts), and only while classes × examples stays under MAX_WORK; larger knowledge
 * bases fuse without it (FUSION_WITHOUT_CLASSIFIER).
 */
export const TRAINING = { epochs: 100, learningRate: 1, l2: 1e-4, scale: 10 };
/**
 * classes × examples above which no classifier is trained: training takes about 0.25 ms of one core
 * per unit (BANKING77, 77 × 847: 17 s; the 135-entry starter content, 135 × 1,023: 39 s), so this
 * allows about 150 entries of 10 phrasings (a minute of the worker's time after each change).
 */
export const MAX_WORK = 250_000;

/** The examples, each a unit vector (DIMENSIONS floats, packed), labelled with its entry's class. */
export interface Examples {
  vectors: Float32Array;
  labels: Int32Array;
  classes: number;
}

/** Packs each class's int8 vectors (as stored) into unit float vectors. */
export function examplesOf(byClass: Int8Array[]): Examples {
  const count = byClass.reduce((n, packed) => n + packed.length / DIMENSIONS, 0);
  const vectors = new Float32Array(count * DIMENSIONS);
  const labels = new Int32Array(count);
  let at = 0;
  byClass.forEach((packed, label) => {
    for (let v = 0; v < packed.length / DIMENSIONS; v++, at++) {
      labels[at] = label;
      unitInto(packed, v * DIMENSIONS, vectors, at * DIMENSIONS);
    }
  });
  return { vectors, labels, classes: byClass.length };
}

/** Full-batch gradient descent on the softmax loss with L2; returns classes × DIMENSIONS weights. */
export function trainClassifier({ vectors, labels, classes }: Examples, { epochs, learningRate, l2, scale } = TRAINING): Float32Array {
  const count = labels.length;
  const weights = new Float32Array(classes * DIMENSIONS);
  const gradient = new Float32Array(classes * DIMENSIONS);
  const probabilities = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradient.fill(0);
    for (let e = 0; e < count; e++) {
      const x = e * DIMENSIONS;
      softmaxInto(weights, classes, scale, vectors, x, probabilities);
      for (let c = 0; c < classes; c++) {
        const g = (probabilities[c]! - (c === labels[e] ? 1 : 0)) * scale;
        if (Math.abs(g) < 1e-6) continue;
        const w = c * DIMENSIONS;
        for (let k = 0; k < DIMENSIONS; k++) gradient[w + k]! += g * vectors[x + k]!;
      }
    }
    const decay = 1 - learningRate * l2;
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * decay - (learningRate * gradient[i]!) / count;
  }
  return weights;
}

/** Each class's log-probability for a query vector (int8, as encoded). */
export function logProbabilities(weights: Float32Array, classes: number, query: Int8Array, scale = TRAINING.scale): Float64Array {
  const unit = new Float32Array(DIMENSIONS);
  unitInto(query, 0, unit, 0);
  const logits = new Float64Array(classes);
  let top = -Infinity;
  for (let c = 0; c < classes; c++) {
    logits[c] = dot(weights, c * DIMENSIONS, unit, 0) * scale;
    top = Math.max(top, logits[c]!);
  }
  let total = 0;
  for (let c = 0; c < classes; c++) total += Math.exp(logits[c]! - top);
  const normaliser = top + Math.log(total);
  return logits.map((z) => z - normaliser);
}

function softmaxInto(weights: Float32Array, classes: number, scale: number, vectors: Float32Array, x: number, into: Float64Array): void {
  let top = -Infinity;
  for (let c = 0; c < classes; c++) {
    into[c] = dot(weights, c * DIMENSIONS, vectors, x) * scale;
    top = Math.max(top, into[c]!);
  }
  let total = 0;
  for (let c = 0; c < classes; c++) total += into[c] = Math.exp(into[c]! - top);
  for (let c = 0; c < classes; c++) into[c]! /= total;
}

function dot(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let sum = 0;
  for (let k = 0; k < DIMENSIONS; k++) sum += a[i + k]! * b[j + k]!;
  return sum;
}

function unitInto(from: Int8Array, at: number, into: Float32Array, to: number): void {
  let norm = 0;
  for (let k = 0; k < DIMENSIONS; k++) norm += from[at + k]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < DIMENSIONS; k++) into[to + k] = from[at + k]! / norm;
}
