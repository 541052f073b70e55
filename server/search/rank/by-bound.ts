/** Float32 impacts may round a bound a hair below the score it bounds. */
export const ROUNDING = 1 + 1e-6;

/** The positions of the `count` highest bounds, highest first, ties in the order found. */
export function byBound(bounds: Float64Array, count: number): number[] {
  // A min-heap of the best so far (lowest bound at the root; of equal bounds, the one found last).
  // Most candidates fall below the root and cost one comparison with its bound.
  const size = Math.min(count, bounds.length);
  const heap = new Int32Array(size);
  const below = (a: number, b: number) => bounds[a]! < bounds[b]! || (bounds[a] === bounds[b] && a > b);
  for (let i = 0; i < size; i++) {
    let at = i;
    for (; at > 0 && below(i, heap[(at - 1) >> 1]!); at = (at - 1) >> 1) heap[at] = heap[(at - 1) >> 1]!;
    heap[at] = i;
  }
  let floor = size ? bounds[heap[0]!]! : Infinity;
  for (let i = size; i < bounds.length; i++) {
    // A later candidate with a bound equal to the root's stays out: ties go to the one found first.
    if (bounds[i]! <= floor) continue;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const child = left + 1 < size && below(heap[left + 1]!, heap[left]!) ? left + 1 : left;
      if (!below(heap[child]!, i)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = i;
    floor = bounds[heap[0]!]!;
  }
  return [...heap].sort((a, b) => bounds[b]! - bounds[a]! || a - b);
}
