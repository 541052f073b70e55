/**
 * The entries holding one feature, in ascending entry number, each with its impact: the most the
 * feature can add to that entry's score per unit of query weight × idf (see EntryIndex.updateNorms).
 * `nos` and `impacts` may be longer than `length`; read only below it.
 */
export class PostingList {
  nos: Int32Array;
  impacts: Float32Array;
  length = 0;

  constructor(capacity = 4) {
    this.nos = new Int32Array(Math.max(1, capacity));
    this.impacts = new Float32Array(Math.max(1, capacity));
  }

  add(no: number): void {
    if (this.length === this.nos.length) {
      // A quarter more: there are thousands of lists, and doubling would leave a third of them spare.
      const capacity = Math.ceil(this.length * 1.25);
      const nos = new Int32Array(capacity);
      nos.set(this.nos);
      this.nos = nos;
      const impacts = new Float32Array(capacity);
      impacts.set(this.impacts);
      this.impacts = impacts;
    }
    this.nos[this.length++] = no;
  }

  /** The position of `no`, or of the first entry after it. */
  find(no: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.nos[mid]! < no) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
