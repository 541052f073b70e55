// The worker thread that trains the entry classifier (meaning-classifier.ts). The server runs its
// TypeScript through tsx, which a worker thread does not inherit: this file loads it.
import { tsImport } from 'tsx/esm/api';

await tsImport('./classifier-worker.ts', import.meta.url);
