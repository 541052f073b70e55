import { workerTask } from '../worker-task.ts';
import { buffersOf, type TrainingSet } from './learned-weights.ts';

/** Training the learned weights takes 0.5–2 s of CPU: it runs in a worker thread (train-worker.ts). */
export interface Trained {
  set: TrainingSet;
  learned: Float32Array;
}

/** Trains on `set` in the worker. The set's arrays move to the worker and come back with the weights. */
export const trainInWorker = workerTask<TrainingSet, Trained>(new URL('./train-worker.mjs', import.meta.url), buffersOf);
