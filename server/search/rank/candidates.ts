import type { EntryIndex } from '../index/entry-index.ts';
import { ROUNDING } from './by-bound.ts';
import type { QueryVector } from './relevance.ts';
import { scratchOf } from './scratch.ts';

/**
 * Words held by more than COMMON_WORD entries only add candidates while fewer than ENOUGH were
 * found through rarer words: they would add many entries and little to tell them apart.
 */
const ENOUGH = 300;
const COMMON_WORD = 20_000;

export interface Candidates {
  /** The visible entries holding a meaningful query word, in the order found (rarest word first). */
  found: Int32Array;
  /** For each: at least its score (see EntryIndex.impacts). Valid until the next query. */
  bounds: Float64Array;
  /**
   * Whether the candidate at `position` could score `score`: its bound, with the words not gathered
   * counted at their impact on this entry (looked up in their posting lists, the largest first,
   * until the answer is known) rather than at their largest on any entry. Never false for a score
   * the candidate has; worth asking only of those about to be scored.
   */
  couldReach(position: number, score: number): boolean;
}

/**
 * The visible entries holding a meaningful query word (words held by very many entries may be
 * skipped, see COMMON_WORD), each with a bound on its score: the impacts of the query words it
 * holds, plus the most any word not gathered here could add.
 */
export function gather(index: EntryIndex, query: QueryVector, meaningful: Set<number>, visible: (no: number) => boolean): Candidates {
  const { bound, touched, found, bounds } = scratchOf(index);
  let touchedCount = 0;
  let unseen = 0;
  try {
    const byRarity = [...meaningful].sort((a, b) => index.postingsOf(a).length - index.postingsOf(b).length);
    const gathered = new Set<number>();
    for (const feature of byRarity) {
      const { nos, impacts, length } = index.postingsOf(feature);
      if (length > COMMON_WORD && touchedCount >= ENOUGH) continue;
      gathered.add(feature);
      const weight = query.byFeature[feature]!;
      for (let p = 0; p < length; p++) {
        // Impacts of live entries are above 0 (updateNorms runs before any search), so a bound of 0
        // means not touched yet; an impact of 0 is an entry removed before its impacts were worked
        // out, which would otherwise be touched once per feature and overrun the scratch.
        if (!impacts[p]) continue;
        const no = nos[p]!;
        if (bound[no] === 0) touched[touchedCount++] = no;
        bound[no]! += weight * impacts[p]!;
      }
    }
    const notGathered = [...query.features]
      .filter((feature) => !gathered.has(feature))
      .map((feature) => ({ feature, most: query.byFeature[feature]! * index.maxImpactOf(feature) }))
      .sort((a, b) => b.most - a.most);
    for (const { most } of notGathered) unseen += most;
    let total = 0;
    for (let i = 0; i < touchedCount; i++) {
      const no = touched[i]!;
      if (!visible(no)) continue;
      found[total] = no;
      bounds[total++] = bound[no]! + unseen;
    }
    const couldReach = (position: number, score: number) => {
      let bound = bounds[position]!;
      for (const { feature, most } of notGathered) {
        if (bound * ROUNDING < score) return false;
        bound += query.byFeature[feature]! * impactOn(index, feature, found[position]!) - most;
      }
      return bound * ROUNDING >= score;
    };
    return { found: found.subarray(0, total), bounds: bounds.subarray(0, total), couldReach };
  } finally {
    for (let i = 0; i < touchedCount; i++) bound[touched[i]!] = 0;
  }
}

/** The feature's impact on entry `no` (0 if the entry does not hold it). */
function impactOn(index: EntryIndex, feature: number, no: number): number {
  const posting = index.postingsOf(feature);
  const at = posting.find(no);
  return at < posting.length && posting.nos[at] === no ? posting.impacts[at]! : 0;
}
