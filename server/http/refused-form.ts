import type { Response } from 'express';
import { isCorrectable, type DomainError } from '../errors/domain-errors.ts';
import { statusOf } from './error-handlers.ts';

export interface Refusal {
  message: string;
  /** The field at fault, when the error names one. */
  field?: string;
  error: DomainError;
}

/**
 * The one way a page handler answers a refused form: input the person can correct (bad, conflicting,
 * too many tries) shows the form again, with the refusal's status, its message and what was typed
 * (`showAgain` renders it); anything else — not allowed, not found, a bug — goes on to the error handler.
 */
export function showFormAgain(res: Response, error: unknown, showAgain: (refusal: Refusal) => void): void {
  if (!isCorrectable(error)) throw error;
  res.status(statusOf(error));
  if (error.headers) res.set(error.headers);
  showAgain({ message: error.message, field: error.field, error });
}
