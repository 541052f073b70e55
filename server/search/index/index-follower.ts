import type { Db } from '../../db/connection.ts';
import { changesSince, latestChangeSeq } from '../../db/changes.ts';
import { EntryIndex } from './entry-index.ts';
import { allIndexedEntries, indexedEntry } from './indexed-entries.ts';
import { learnWeights } from '../rank/learned-weights.ts';
import { loadSynonyms, synonymsVersion, type Synonyms } from '../query/synonyms.ts';

export interface CurrentIndex {
  index: EntryIndex;
  synonyms: Synonyms;
}

/**
 * Keeps an in-memory index in step with the database through the change sequence: each call
 * first applies the writes made since the last one, by this process or any other on the same file.
 * Learned weights are retrained after changes, at most once every RETRAIN_MS, off the request path.
 */
const RETRAIN_MS = 2000;

export function followDatabase(db: Db): () => CurrentIndex {
  // Built at once, so the server is ready to answer when it starts listening.
  let seq = latestChangeSeq(db);
  let synonymsSeen = synonymsVersion(db);
  const index = new EntryIndex();
  index.load(allIndexedEntries(db));
  learnWeights(index);
  let state: CurrentIndex = { index, synonyms: loadSynonyms(db) };
  let retrain: NodeJS.Timeout | null = null;

  return () => {
    const latest = latestChangeSeq(db);
    if (latest > seq) {
      const changed = new Set(changesSince(db, seq).filter((c) => c.subject === 'entry').map((c) => c.id));
      seq = latest;
      for (const id of changed) {
        const entry = indexedEntry(db, id);
        if (entry) state.index.put(entry);
        else state.index.remove(id);
      }
      state.index.updateNorms();
      if (changed.size && !retrain) {
        const { index } = state;
        retrain = setTimeout(() => {
          retrain = null;
          learnWeights(index);
        }, RETRAIN_MS).unref();
      }
    }
    const version = synonymsVersion(db);
    if (version !== synonymsSeen) {
      synonymsSeen = version;
      state = { ...state, synonyms: loadSynonyms(db) };
    }
    return state;
  };
}
