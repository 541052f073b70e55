import { Worker } from 'node:worker_threads';

/**
 * Work that takes seconds of CPU (training) in one worker thread per process, started on first use
 * and not keeping the process alive, so requests never wait for it. `url` is the worker's file;
 * each message carries an id, and the worker answers each with the same id. Inputs are moved to
 * the worker (their buffers transferred), not copied.
 */
export function workerTask<In, Out>(url: URL, buffersOf: (input: In) => ArrayBuffer[]): (input: In) => Promise<Out> {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (output: Out) => void; reject: (error: unknown) => void }>();

  const started = (): Worker => {
    if (worker) return worker;
    const fresh = new Worker(url);
    fresh.on('message', ({ id, output }: { id: number; output: Out }) => {
      waiting.get(id)?.resolve(output);
      waiting.delete(id);
    });
    fresh.on('error', (error) => {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
      worker = null;
    });
    // After the listeners: listening for messages refs the worker's port again.
    fresh.unref();
    return (worker = fresh);
  };

  return (input) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      started().postMessage({ id, input }, buffersOf(input));
    });
}
