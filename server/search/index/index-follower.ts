import type { Db } from '../../db/connection.ts';
import { changedEntries, latestChangeSeq } from '../../db/changes.ts';
import { backgroundSlices } from './background-slices.ts';
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
  /** Resolves once no background work (putting back changes, compaction, refresh, retraining) is waiting or running. */
  idle(): Promise<void>;
}

/**
 * Keeps an in-memory index in step with the database through the change sequence: each call
 * first applies the writes made since the last one, by this process or any other on the same file.
 * Learned weights are retrained in a worker thread a moment (RETRAIN_MS) after changes, so a
 * burst of saves trains once; until the new weights arrive, search uses the previous ones.
 *
 * A request applies at most BATCH changed entries. A larger batch (another process's import) is
 * taken out of results and suggestions at once (EntryIndex.removeSoon: the entries are marked dead,
 * their words unsaid) and put back a slice at a time in the background, so a search meanwhile never
 * shows a deleted entry or an entry's old version, nor suggests a word only they said; an entry not
 * yet put back is missing from results for that moment. Forgetting their word statistics,
 * compaction and full refreshes of the impacts run in background slices too (EntryIndex.maintain).
 */
const RETRAIN_MS = 1000;
/** Changed entries put back in the request that notices them (each reads the entry from SQLite). */
const BATCH = 50;
/**
 * A background slice puts entries back for this long (fifty took 20–56 ms on a loaded 2-core
 * machine at 100k entries: long bodies to analyse), so a request arriving meanwhile waits about as much.
 */
const PUT_BACK_MS = 8;
/** Entries of compaction or refresh per background slice: about 10 ms at most on a loaded 2-core machine. */
const SLICE_ENTRIES = 500;

export function followDatabase(db: Db): Follower {
  // Built at once, so the server is ready to answer when it starts listening.
  let seq = latestChangeSeq(db);
  let synonymsSeen = synonymsVersion(db);
  const index = new EntryIndex();
  index.load(allIndexedEntries(db));
  const set = trainingSet(index);
  if (set) index.useLearnedWeights(learnedRows(set, learnWeights(set)));
  let state: CurrentIndex = { index, synonyms: loadSynonyms(db) };
  const training = backgroundTraining(index);
  // Changed entries taken out of the index and not yet put back, oldest first.
  const pending = new Set<string>();

  /** Puts back up to `count` pending entries, stopping at `until` (performance.now()) if given. */
  const putBack = (count: number, until = Infinity) => {
    for (const id of pending) {
      if (count-- <= 0 || performance.now() >= until) break;
      pending.delete(id);
      const entry = indexedEntry(db, id);
      if (entry) index.put(entry);
      else index.remove(id);
    }
    index.updateNorms();
    if (!pending.size) training.soon();
  };
  const background = backgroundSlices('background index work', () => {
    if (!db.open) return false;
    // Entries taken out are forgotten before any is put back: idf is off until then.
    if (pending.size && !index.forgettingDue) putBack(Infinity, performance.now() + PUT_BACK_MS);
    else index.maintain(SLICE_ENTRIES);
    return pending.size > 0 || index.maintenanceDue;
  });

  const current = () => {
    const latest = latestChangeSeq(db);
    if (latest > seq) {
      const changed = changedEntries(db, seq, latest);
      seq = latest;
      for (const id of changed) pending.add(id);
      if (pending.size > BATCH) for (const id of changed) index.removeSoon(id);
      else if (changed.size) putBack(BATCH);
    }
    if (pending.size || index.maintenanceDue) background.start();
    const version = synonymsVersion(db);
    if (version !== synonymsSeen) {
      synonymsSeen = version;
      state = { ...state, synonyms: loadSynonyms(db) };
    }
    return state;
  };
  const idle = async () => {
    while (db.open && (pending.size || index.maintenanceDue)) {
      background.start();
      await background.idle();
    }
    await training.idle();
  };
  return { current, idle };
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
      index.useLearnedWeights(new Map());
      return settle();
    }
    running = true;
    try {
      const trained = await trainInWorker(set);
      // Compaction renumbered the entries meanwhile: these weights belong to the old numbers.
      if (index.generation === generation) index.useLearnedWeights(learnedRows(trained.set, trained.learned));
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
