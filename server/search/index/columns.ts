/**
 * Appendable typed arrays: the index keeps one packed column per field across all entries (millions
 * of values at 100k entries) rather than small arrays per entry, which cost more in headers and
 * garbage collection than in data. `data` may be longer than `length`; read only below `length`.
 */
type TypedArray = Int32Array | Uint32Array | Uint8Array;

class Column<T extends TypedArray> {
  length = 0;

  constructor(
    public data: T,
    private readonly make: (capacity: number) => T,
  ) {}

  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Makes room for `capacity` values (kept, like those past the length, for scratch use). */
  grow(capacity: number): void {
    if (capacity <= this.data.length) return;
    // Growing by an eighth keeps the spare room (and the copy made while growing) small for columns
    // of millions of values; copying more often costs little next to the index's other work.
    const data = this.make(Math.max(capacity, Math.ceil(this.data.length * 1.125), 16));
    data.set(this.data);
    this.data = data;
  }
}

export const intColumn = () => new Column(new Int32Array(0), (n) => new Int32Array(n));
export const uintColumn = () => new Column(new Uint32Array(0), (n) => new Uint32Array(n));
export const byteColumn = () => new Column(new Uint8Array(0), (n) => new Uint8Array(n));
