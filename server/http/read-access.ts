import type { RequestHandler } from 'express';
import { Unauthenticated } from '../errors/domain-errors.ts';

/**
 * READ_ACCESS=login (the default) asks for an account before anything is shown;
 * READ_ACCESS=open lets anyone read vetted entries and call the read API.
 */
export function requireReader(readAccess: 'login' | 'open'): RequestHandler {
  return (req, res, next) => {
    if (readAccess === 'open' || res.locals.user) return next();
    if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
      throw new Unauthenticated('Sign in first, or send Authorization: Bearer TOKEN');
    }
    res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
  };
}
