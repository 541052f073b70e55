/**
 * What can go wrong, in the words of the domain. Services throw these; the HTTP error handler alone
 * turns each kind into a status (server/http/error-handlers.ts), and forms show the kinds a person
 * can correct again with what they typed (server/http/refused-form.ts).
 */
export interface ErrorDetails {
  /** The input field at fault, for forms and for API callers. */
  field?: string;
  /** Extra JSON for API callers, e.g. both versions of a conflicting edit. */
  details?: Record<string, unknown>;
  /** Response headers that go with the refusal, e.g. Retry-After. */
  headers?: Record<string, string>;
}

export abstract class DomainError extends Error {
  readonly field?: string;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(message: string, extra: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.field = extra.field;
    this.details = extra.details;
    this.headers = extra.headers;
  }
}

/** Input a person can correct: missing, malformed, too long, out of range. */
export class Invalid extends DomainError {
  constructor(message: string, field?: string) {
    super(message, { field });
  }
}

/** Nobody is signed in, or the credentials do not match. */
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in first', field?: string) {
    super(message, { field });
  }
}

/** Signed in, but this role may not do this (or the request did not come from Plan B itself). */
export class Forbidden extends DomainError {
  constructor(message: string, field?: string) {
    super(message, { field });
  }
}

/** No such thing, or one this reader may not see (the two are told apart by nobody). */
export class NotFound extends DomainError {
  /** `field`: the input that named it (an id typed in a form), so forms show the message there. */
  constructor(message = 'No such page', field?: string) {
    super(message, { field });
  }
}

export const notFound = (what = 'page', field?: string) => new NotFound(`No such ${what}`, field);

/** The thing changed since the person looked, or clashes with what exists; `details` can carry both versions. */
export class Conflict extends DomainError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super(message, { field, details });
  }
}

/** It existed, and is used up for good (a one-time setup link). */
export class Gone extends DomainError {}

/** Too many tries in a row; try again after `retryAfterSeconds`. */
export class TooManyAttempts extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { headers: { 'Retry-After': String(retryAfterSeconds) } });
  }
}

/** A temporary condition (the database is busy with another process's write): nothing was done. */
export class Busy extends DomainError {
  constructor(message: string) {
    super(message, { headers: { 'Retry-After': '1' } });
  }
}

/** Input a person can correct by changing what they sent: forms show these again with what was typed. */
export function isCorrectable(error: unknown): error is DomainError {
  if (error instanceof Invalid || error instanceof Conflict || error instanceof TooManyAttempts) return true;
  // A wrong password, or an id typed into a form: the field at fault says it is about the input.
  return (error instanceof Unauthenticated || error instanceof NotFound) && error.field !== undefined;
}
