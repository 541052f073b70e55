import { parentPort } from 'node:worker_threads';
import { buffersOf, learnWeights, type TrainingSet } from './learned-weights.ts';

// Trains on each set it is sent and sends the weights back with the set (both moved, not copied).
parentPort!.on('message', ({ id, input: set }: { id: number; input: TrainingSet }) => {
  const learned = learnWeights(set);
  parentPort!.postMessage({ id, output: { set, learned } }, [...buffersOf(set), learned.buffer as ArrayBuffer]);
});
