import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import {
  Busy, Conflict, DomainError, Forbidden, Gone, Invalid, NotFound, notFound, TooManyAttempts, Unauthenticated,
} from '../errors/domain-errors.ts';
import { errorPageText } from '../i18n/error-text.ts';

/** The one place a kind of error becomes an HTTP status. */
const STATUS = new Map<Function, number>([
  [Invalid, 400],
  [Unauthenticated, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [Gone, 410],
  [TooManyAttempts, 429],
  [Busy, 503],
]);

export function statusOf(error: DomainError): number {
  for (let kind: Function | null = error.constructor; kind && kind !== DomainError; kind = Object.getPrototypeOf(kind)) {
    const status = STATUS.get(kind);
    if (status) return status;
  }
  return 500;
}

/** API callers and clients that ask for JSON get `{"error","field?"}`; browsers get a page. */
function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
}

export const pageNotFound: RequestHandler = (_req, _res, next) => next(notFound());

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const parsing = bodyParserError(error);
  const known = error instanceof DomainError ? error : databaseBusy(error);
  const status = parsing?.status ?? (known ? statusOf(known) : 500);
  if (!known && !parsing) console.error(error);
  const message = parsing?.message ?? known?.message ?? 'Something went wrong on our side. Please try again.';
  if (status === 401 && !wantsJson(req)) {
    return res.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.originalUrl : '/')}`);
  }
  res.status(status);
  if (known?.headers) res.set(known.headers);
  if (wantsJson(req)) {
    res.json({ error: message, ...(known?.field ? { field: known.field } : {}), ...known?.details });
  } else {
    // A 404 that names a parameter (e.g. an unknown revision) is about the input, not a missing page.
    const missingPage = status === 404 && !known?.field;
    res.render(missingPage ? 'errors/not-found' : 'errors/error', { status, ...errorPageText(req.t, status, message, { missingPage, field: known?.field }) });
  }
};

/** Errors raised by body parsing (malformed JSON, too large) carry a 4xx status of their own. */
function bodyParserError(error: unknown): { status: number; message: string } | undefined {
  const status = (error as { status?: number })?.status;
  if (error instanceof DomainError || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const type = (error as { type?: string }).type;
  return { status, message: type === 'entity.parse.failed' ? 'The request body is not valid JSON' : (error as Error).message };
}

/**
 * Writes wait up to the busy timeout for another process's write lock; one that still finds the
 * database busy (SQLITE_BUSY and its extended codes) is a temporary condition, not a bug: 503.
 */
function databaseBusy(error: unknown): Busy | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return undefined;
  return new Busy('The knowledge base is busy saving other changes. Nothing was saved: please try again in a moment.');
}
