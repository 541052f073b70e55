import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { newToken } from '../accounts/secrets.ts';
import { HttpError } from './http-error.ts';

/**
 * CSRF protection by double submit: a random token in a strict same-site cookie must come back in
 * the form (`_csrf`) or the `X-CSRF-Token` header of every write. API-token requests carry no
 * cookie and need no CSRF token.
 */

const COOKIE = 'planb_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrf: RequestHandler = (req, res, next) => {
  let token = req.cookies?.[COOKIE] as string | undefined;
  if (!token || token.length < 32) {
    token = newToken();
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
  }
  res.locals.csrfToken = token;
  if (SAFE_METHODS.has(req.method) || res.locals.viaToken) return next();
  const sent = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get('x-csrf-token');
  if (typeof sent !== 'string' || !sameText(sent, token)) {
    throw new HttpError(403, 'This page had expired, so nothing was saved. Go back, reload the page and send it again.', '_csrf');
  }
  next();
};

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
