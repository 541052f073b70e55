/** {{initial user.name}} → "A": the first letter, for an avatar. */
export function initial(name: unknown): string {
  return typeof name === 'string' ? ([...name][0] ?? '?').toUpperCase() : '?';
}
