/** An error with an HTTP status and, for bad input, the field at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** Extra JSON for API callers, e.g. both versions of a conflicting edit. */
    readonly details?: Record<string, unknown>,
    /** Response headers that go with the error, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'page') => new HttpError(404, `No such ${what}`);

/** Input a person can correct (bad or conflicting), as opposed to not allowed or not found: forms show it again. */
export function isRefusedInput(error: unknown): error is HttpError {
  return error instanceof HttpError && (error.status === 400 || error.status === 409);
}
