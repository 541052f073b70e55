// The worker thread that trains the learned weights (weights-trainer.ts). The server runs its
// TypeScript through tsx, which a worker thread does not inherit: this file loads it.
import { tsImport } from 'tsx/esm/api';

await tsImport('./train-worker.ts', import.meta.url);
