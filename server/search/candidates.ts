import type { EntryIndex } from './entry-index.ts';

/**
 * How many entries, found through their rarest query words, are scored in full. Words held by
 * more than COMMON_WORD entries only add candidates while fewer than MAX_SCORED were found.
 */
const MAX_SCORED = 300;
const COMMON_WORD = 20_000;

/** Per entry number: overlap (zeroed again after each query), entries touched, visible, their overlaps. */
class Scratch {
  readonly overlap: Float64Array;
  readonly touched: Int32Array;
  readonly found: Int32Array;
  readonly values: Float64Array;

  constructor(readonly size: number) {
    this.overlap = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.found = new Int32Array(size);
    this.values = new Float64Array(size);
  }
}

/** Reused across queries: allocating arrays as long as the index for each query would busy the GC. */
const scratches = new WeakMap<EntryIndex, Scratch>();

/**
 * The visible entries holding a meaningful query word (words held by very many entries may be
 * skipped, see COMMON_WORD): the MAX_SCORED with the most and rarest words, in the order they were
 * found, best first when there were more; and how many there were.
 */
export function gather(
  index: EntryIndex,
  meaningful: Set<number>,
  visible: (no: number) => boolean,
): { candidates: number[]; total: number } {
  const entries = index.columns.ids.length;
  let scratch = scratches.get(index);
  if (!scratch || scratch.size < entries) scratches.set(index, (scratch = new Scratch(Math.ceil(entries * 1.25))));
  const { overlap, touched, found } = scratch;
  let touchedCount = 0;
  try {
    const byRarity = [...meaningful].sort((a, b) => index.postings[a]!.length - index.postings[b]!.length);
    for (const feature of byRarity) {
      const { data, length } = index.postings[feature]!;
      if (length > COMMON_WORD && touchedCount >= MAX_SCORED) continue;
      const weight = 1 / Math.log(2 + length);
      for (let p = 0; p < length; p++) {
        const no = data[p]!;
        if (overlap[no] === 0) touched[touchedCount++] = no;
        overlap[no]! += weight;
      }
    }
    let total = 0;
    for (let i = 0; i < touchedCount; i++) if (visible(touched[i]!)) found[total++] = touched[i]!;
    const candidates = total > MAX_SCORED ? best(scratch, total, MAX_SCORED) : Array.from(found.subarray(0, total));
    return { candidates, total };
  } finally {
    for (let i = 0; i < touchedCount; i++) overlap[touched[i]!] = 0;
  }
}

/** The `count` found entries with the most overlap, best first, ties in the order found (a stable sort's top). */
function best({ overlap, found, values }: Scratch, total: number, count: number): number[] {
  for (let i = 0; i < total; i++) values[i] = overlap[found[i]!]!;
  const threshold = kthLargest(values.subarray(0, total), count);
  const chosen: number[] = [];
  for (let i = 0; i < total; i++) if (overlap[found[i]!]! > threshold) chosen.push(found[i]!);
  for (let i = 0; i < total && chosen.length < count; i++) if (overlap[found[i]!] === threshold) chosen.push(found[i]!);
  // The entries above the threshold come first in the order found, then those at it: a stable sort
  // keeps ties in the order found.
  return chosen.sort((a, b) => overlap[b]! - overlap[a]!);
}

/** Quickselect: the k-th largest value (k from 1); reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j]!, values[i]!];
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}
