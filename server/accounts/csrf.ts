import type { Request, RequestHandler, Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { newToken } from './secrets.ts';
import { Forbidden } from '../errors/domain-errors.ts';

/**
 * CSRF protection for cookie-authenticated writes, in two layers:
 * - the browser must say the request comes from this site (`Origin`, or `Referer` when a browser
 *   sends no Origin); a foreign one is refused;
 * - the form (`_csrf`) or the `X-CSRF-Token` header must carry the token bound to this session:
 *   an HMAC keyed by the session's secret, so it changes at every sign-in and is worthless with
 *   any other session. Before sign-in it is bound to a random pre-session cookie instead.
 * API-token requests carry no cookie and need neither.
 */

const PRE_SESSION_COOKIE = 'planb_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token for a session (or pre-session) secret. */
export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('planb csrf v1').digest('base64url');
}

export const csrf: RequestHandler = (req, res, next) => {
  // Worked out on first use (a page's forms, a write's check, GET /api/account): most reads, such as
  // searches through the API, never need one, and a pre-session secret costs a random token, an
  // HMAC and a cookie. Sign-in sets a new one (session-cookie.ts).
  let token: string | undefined;
  Object.defineProperty(res.locals, 'csrfToken', {
    get: () => (token ??= csrfTokenFor(secretOf(req, res))),
    set: (value: string) => (token = value),
    enumerable: true,
    configurable: true,
  });
  if (SAFE_METHODS.has(req.method) || res.locals.viaToken) return next();
  const foreign = foreignOrigin(req);
  if (foreign) {
    throw new Forbidden(`Refused: this request was sent from another site (${foreign}), not from Plan B itself. Nothing was saved.`);
  }
  const sent = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get('x-csrf-token');
  if (typeof sent !== 'string' || !sameText(sent, res.locals.csrfToken!)) {
    throw new Forbidden('This page had expired, so nothing was saved. Go back, reload the page and send it again.', '_csrf');
  }
  next();
};

/** The session's secret, or before sign-in a pre-session secret (set as a cookie the first time). */
function secretOf(req: Request, res: Response): string {
  if (res.locals.sessionToken) return res.locals.sessionToken;
  let secret = req.cookies?.[PRE_SESSION_COOKIE] as string | undefined;
  if (!secret || secret.length < 32) {
    secret = newToken();
    res.cookie(PRE_SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
  }
  return secret;
}

/**
 * The other site a write came from, or null when it came from here or the browser did not say.
 * Hosts are compared, not schemes: behind a TLS proxy the browser says https while this server may
 * see http (with TRUST_PROXY, `req.host` also follows X-Forwarded-Host).
 */
function foreignOrigin(req: Request): string | null {
  const origin = req.get('origin') ?? req.get('referer');
  if (origin === undefined) return null;
  return hostOf(origin)?.toLowerCase() === req.host?.toLowerCase() ? null : origin.slice(0, 100);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined; // "null" (a sandboxed frame, a file) or garbage: never this site
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
