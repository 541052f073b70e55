/** Sentence vectors are kept as 512 int8 values: cosine does not care about their scale. */
export const DIMENSIONS = 512;

/** Float vectors → int8, each scaled so its largest value is ±127, packed one after the other. */
export function quantise(vectors: number[][]): Int8Array {
  const packed = new Int8Array(vectors.length * DIMENSIONS);
  vectors.forEach((vector, v) => {
    let largest = 0;
    for (const x of vector) largest = Math.max(largest, Math.abs(x));
    const scale = largest ? 127 / largest : 0;
    for (let i = 0; i < DIMENSIONS; i++) packed[v * DIMENSIONS + i] = Math.round((vector[i] ?? 0) * scale);
  });
  return packed;
}

/** Cosine of the vector at `a` in `as` and the vector at `b` in `bs` (offsets in vectors). */
export function cosine(as: Int8Array, a: number, bs: Int8Array, b: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const i0 = a * DIMENSIONS;
  const j0 = b * DIMENSIONS;
  for (let k = 0; k < DIMENSIONS; k++) {
    const x = as[i0 + k]!;
    const y = bs[j0 + k]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The mean direction of some vectors (each counted at length 1), as one int8 vector. */
export function centroid(vectors: Int8Array): Int8Array {
  const sum = new Float64Array(DIMENSIONS);
  for (let v = 0; v < vectors.length / DIMENSIONS; v++) {
    let norm = 0;
    for (let k = 0; k < DIMENSIONS; k++) norm += vectors[v * DIMENSIONS + k]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < DIMENSIONS; k++) sum[k]! += vectors[v * DIMENSIONS + k]! / norm;
  }
  return quantise([Array.from(sum)]);
}
