// A worker thread that turns texts into sentence vectors, one request at a time, so the request
// thread never runs the model. It answers { id, vectors } (512 int8 per text, concatenated) or
// { id, error }; on start it says { ready: true } or { ready: false, error } if the model fails.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { quantise } from './vector-math.ts';

interface Request {
  id: number;
  texts: string[];
}

const port = parentPort!;
const { modelDir } = workerData as { modelDir: string };

async function loadModel() {
  // Loaded here, not at the top: a missing package must become a clear "not ready", not a crash.
  const { initModel } = await import('@energetic-ai/embeddings');
  // The package's types re-export TensorFlow.js packages it bundles but does not install.
  const { loadGraphModel } = (await import('@energetic-ai/core')) as unknown as { loadGraphModel(url: string): Promise<never> };
  return initModel(async () => {
    const [model, vocabulary] = await Promise.all([
      loadGraphModel(`file://${join(modelDir, 'model.json')}`),
      readFile(join(modelDir, 'vocab.json'), 'utf8').then((text) => JSON.parse(text) as [string, number][]),
    ]);
    return { model, vocabulary };
  });
}

try {
  const model = await loadModel();
  // One request at a time: the model's tensors are not safe to share between overlapping calls.
  let queue = Promise.resolve();
  port.on('message', ({ id, texts }: Request) => {
    queue = queue.then(async () => {
      try {
        const vectors = await model.embed(texts);
        const packed = quantise(vectors);
        port.postMessage({ id, vectors: packed }, [packed.buffer as ArrayBuffer]);
      } catch (error) {
        port.postMessage({ id, error: String(error) });
      }
    });
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: String(error) });
}
