/** A problem in a content file, named by file, line and field so the author can find it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ContentError';
  }
}
