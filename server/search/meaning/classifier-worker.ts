import { parentPort } from 'node:worker_threads';
import { trainClassifier, type Examples } from './entry-classifier.ts';

// Trains on each set of examples it is sent and sends the weights back (moved, not copied).
parentPort!.on('message', ({ id, input }: { id: number; input: Examples }) => {
  const weights = trainClassifier(input);
  parentPort!.postMessage({ id, output: weights }, [weights.buffer as ArrayBuffer]);
});
