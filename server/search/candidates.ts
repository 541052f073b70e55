import type { EntryIndex } from './entry-index.ts';

/**
 * How many entries, found through their rarest query words, are scored in full. Words held by
 * more than COMMON_WORD entries only add candidates while fewer than MAX_SCORED were found.
 */
const MAX_SCORED = 300;
const COMMON_WORD = 20_000;

/** Reused across queries (one slot per entry number); zeroed again after each query. */
const slots = new WeakMap<EntryIndex, Float64Array>();

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
  let overlap = slots.get(index);
  if (!overlap || overlap.length < entries) slots.set(index, (overlap = new Float64Array(Math.ceil(entries * 1.25))));
  const touched: number[] = [];
  try {
    const byRarity = [...meaningful].sort((a, b) => index.postings[a]!.length - index.postings[b]!.length);
    for (const feature of byRarity) {
      const { data, length } = index.postings[feature]!;
      if (length > COMMON_WORD && touched.length >= MAX_SCORED) continue;
      const weight = 1 / Math.log(2 + length);
      for (let p = 0; p < length; p++) {
        const no = data[p]!;
        if (overlap[no] === 0) touched.push(no);
        overlap[no]! += weight;
      }
    }
    const found = touched.filter(visible);
    return { candidates: found.length > MAX_SCORED ? best(found, overlap, MAX_SCORED) : found, total: found.length };
  } finally {
    for (const no of touched) overlap[no] = 0;
  }
}

/** The `count` entries with the most overlap, best first, ties in the order found (a stable sort's top). */
function best(found: number[], overlap: Float64Array, count: number): number[] {
  const threshold = kthLargest(Float64Array.from(found, (no) => overlap[no]!), count);
  const above = found.filter((no) => overlap[no]! > threshold);
  const at = found.filter((no) => overlap[no] === threshold).slice(0, count - above.length);
  // Both lists keep the order found and share no overlap value, so a stable sort keeps ties in it.
  return [...above, ...at].sort((a, b) => overlap[b]! - overlap[a]!);
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
