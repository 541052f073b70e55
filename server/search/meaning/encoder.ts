import { Worker } from 'node:worker_threads';

// tsx compiles the worker's TypeScript as it does the server's (a worker does not inherit it).
const WORKER_SCRIPT = new URL('./encoder-worker.ts', import.meta.url).href;
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(require('node:worker_threads').workerData.script); })`;

/**
 * The main thread's handle on one encoder worker (encoder-worker.ts). Requests are answered in
 * order; if the model cannot load, `ready` resolves false and every request fails at once.
 */
export class Encoder {
  /** How many texts the worker has turned into vectors, for tests and the benchmark. */
  encoded = 0;
  readonly ready: Promise<boolean>;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (v: Int8Array) => void; reject: (e: Error) => void; count: number }>();
  private nextId = 1;
  failure: string | null = null;

  constructor(modelDir: string) {
    this.worker = new Worker(BOOTSTRAP, { eval: true, workerData: { modelDir, script: WORKER_SCRIPT } });
    this.worker.unref();
    this.ready = new Promise((resolve) => {
      this.worker.once('message', (message: { ready: boolean; error?: string }) => {
        if (!message.ready) this.fail(message.error ?? 'the model did not load');
        resolve(message.ready);
      });
      this.worker.once('error', (error) => {
        this.fail(String(error));
        resolve(false);
      });
    });
    this.worker.on('message', (message: { id?: number; vectors?: Int8Array; error?: string }) => {
      const request = message.id !== undefined && this.waiting.get(message.id);
      if (!request) return;
      this.waiting.delete(message.id!);
      if (message.vectors) {
        this.encoded += request.count;
        request.resolve(message.vectors);
      } else request.reject(new Error(message.error));
    });
    this.worker.on('exit', () => this.fail('the encoder stopped'));
  }

  /** The texts' vectors, 512 int8 each, one after the other. */
  encode(texts: string[]): Promise<Int8Array> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, count: texts.length });
      this.worker.postMessage({ id, texts });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private fail(reason: string) {
    this.failure ??= reason;
    for (const request of this.waiting.values()) request.reject(new Error(reason));
    this.waiting.clear();
  }
}
