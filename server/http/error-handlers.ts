import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { errorPageText } from '../i18n/error-text.ts';
import { HttpError, notFound } from './http-error.ts';

/** API callers and clients that ask for JSON get `{"error","field?"}`; browsers get a page. */
function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
}

export const pageNotFound: RequestHandler = (_req, _res, next) => next(notFound());

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = error instanceof HttpError ? error : (clientError(error) ?? databaseBusy(error));
  if (known?.status === 503) res.set('Retry-After', '1');
  const status = known?.status ?? 500;
  if (!known) console.error(error);
  const message = known?.message ?? 'Something went wrong on our side. Please try again.';
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
    res.render(missingPage ? 'errors/not-found' : 'errors/error', { status, ...errorPageText(req.t, status, message, missingPage) });
  }
};

/** Errors raised by body parsing (malformed JSON, too large) carry a 4xx status of their own. */
function clientError(error: unknown): HttpError | undefined {
  const status = (error as { status?: number })?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const type = (error as { type?: string }).type;
  const message = type === 'entity.parse.failed' ? 'The request body is not valid JSON' : (error as Error).message;
  return new HttpError(status, message);
}

/**
 * Writes wait up to the busy timeout for another process's write lock; one that still finds the
 * database busy (SQLITE_BUSY and its extended codes) is a temporary condition, not a bug: 503.
 */
function databaseBusy(error: unknown): HttpError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return undefined;
  return new HttpError(503, 'The knowledge base is busy saving other changes. Nothing was saved: please try again in a moment.');
}
