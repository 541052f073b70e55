/**
 * A set of strings spread over 64 smaller sets by first character. A JavaScript Set grows by
 * rehashing every member at once: at a million members that is one pause of hundreds of
 * milliseconds, which no slicing of the work around it can split. Sixty-four sets each rehash a
 * sixty-fourth as much. Meant for keys whose first character is spread evenly (base64url hashes).
 */
export class SpreadSet {
  private readonly buckets = Array.from({ length: 64 }, () => new Set<string>());

  add(key: string): void {
    this.bucketOf(key).add(key);
  }

  has(key: string): boolean {
    return this.bucketOf(key).has(key);
  }

  private bucketOf(key: string): Set<string> {
    return this.buckets[key.charCodeAt(0) & 63]!;
  }
}
