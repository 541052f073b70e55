import { Worker } from 'node:worker_threads';
import { buffersOf, type TrainingSet } from './learned-weights.ts';

/**
 * Training the learned weights takes 0.5–2 s of CPU: it runs in one worker thread per process,
 * started on first use and not keeping the process alive, so requests never wait for it.
 */
interface Trained {
  set: TrainingSet;
  learned: Float32Array;
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (trained: Trained) => void; reject: (error: unknown) => void }>();

function trainer(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./train-worker.mjs', import.meta.url));
  started.unref();
  started.on('message', ({ id, ...trained }: Trained & { id: number }) => {
    waiting.get(id)?.resolve(trained);
    waiting.delete(id);
  });
  started.on('error', (error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker = null;
  });
  return (worker = started);
}

/** Trains on `set` in the worker. The set's arrays move to the worker and come back with the weights. */
export function trainInWorker(set: TrainingSet): Promise<Trained> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    trainer().postMessage({ id, set }, buffersOf(set));
  });
}
