import type { Db } from '../../db/connection.ts';
import { changesSince, latestChangeSeq } from '../../db/changes.ts';
import { EntryIndex } from './entry-index.ts';
import { allIndexedEntries, indexedEntry } from './indexed-entries.ts';
import { learnedRows, learnWeights, trainingSet } from '../rank/learned-weights.ts';
import { trainInWorker } from '../rank/weights-trainer.ts';
import { loadSynonyms, synonymsVersion, type Synonyms } from '../query/synonyms.ts';

export interface CurrentIndex {
  index: EntryIndex;
  synonyms: Synonyms;
}

export interface Follower {
  /** The index, caught up with every write so far. */
  current(): CurrentIndex;
  /** Resolves once no background work (retraining) is waiting or running. */
  idle(): Promise<void>;
}

/**
 * Keeps an in-memory index in step with the database through the change sequence: each call
 * first applies the writes made since the last one, by this process or any other on the same file.
 * Learned weights are retrained in a worker thread a moment (RETRAIN_MS) after changes, so a
 * burst of saves trains once; until the new weights arrive, search uses the previous ones.
 */
const RETRAIN_MS = 1000;

export function followDatabase(db: Db): Follower {
  // Built at once, so the server is ready to answer when it starts listening.
  let seq = latestChangeSeq(db);
  let synonymsSeen = synonymsVersion(db);
  const index = new EntryIndex();
  index.load(allIndexedEntries(db));
  const set = trainingSet(index);
  if (set) index.learned = learnedRows(set, learnWeights(set));
  let state: CurrentIndex = { index, synonyms: loadSynonyms(db) };
  const training = backgroundTraining(index);

  const current = () => {
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
      if (changed.size) training.soon();
    }
    const version = synonymsVersion(db);
    if (version !== synonymsSeen) {
      synonymsSeen = version;
      state = { ...state, synonyms: loadSynonyms(db) };
    }
    return state;
  };
  return { current, idle: training.idle };
}

/** Retrains the index's learned weights in the worker after changes: one run at a time, then again if more changed. */
function backgroundTraining(index: EntryIndex) {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let idle: (() => void)[] = [];
  const settle = () => {
    if (timer || running) return;
    for (const resolve of idle) resolve();
    idle = [];
  };

  async function retrain() {
    timer = null;
    const generation = index.generation;
    const set = trainingSet(index);
    if (!set) {
      index.learned = new Map();
      return settle();
    }
    running = true;
    try {
      const trained = await trainInWorker(set);
      // Compaction renumbered the entries meanwhile: these weights belong to the old numbers.
      if (index.generation === generation) index.learned = learnedRows(trained.set, trained.learned);
      else again = true;
    } catch (error) {
      console.error('Search: training the learned weights failed; search goes on with the previous ones.', error);
    } finally {
      running = false;
      if (again) soon();
      settle();
    }
  }

  function soon() {
    again = running;
    if (!running && !timer) timer = setTimeout(retrain, RETRAIN_MS).unref();
  }

  return {
    soon,
    idle: () => new Promise<void>((resolve) => {
      idle.push(resolve);
      settle();
    }),
  };
}
