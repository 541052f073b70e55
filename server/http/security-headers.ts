import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer: a strict Content-Security-Policy (scripts, styles, images and
 * forms from this site only; no inline script or style; no framing), nosniff, no referrer sent to
 * other sites. HSTS only when the request really came over HTTPS (directly, or through a proxy
 * trusted with TRUST_PROXY), so a plain-HTTP local run is never pinned to HTTPS.
 */
export const securityHeaders: RequestHandler[] = [
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  }),
  (req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  },
];

/** What a signed-in person sees is theirs: no cache (browser or proxy) keeps a copy. */
export const noStoreWhenSignedIn: RequestHandler = (_req, res, next) => {
  if (res.locals.user) res.setHeader('Cache-Control', 'no-store');
  next();
};
