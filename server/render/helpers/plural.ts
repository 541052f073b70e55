/** {{plural count "entry" "entries"}} → "1 entry", "12 entries". */
export function plural(count: unknown, one: unknown, many: unknown): string {
  const n = Number(count) || 0;
  return `${n} ${n === 1 ? String(one) : String(many)}`;
}
