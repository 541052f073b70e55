import type { RequestHandler } from 'express';
import { resumeSession } from './sessions.ts';
import { userForApiToken } from './user-queries.ts';
import type { Db } from '../db/connection.ts';
import { Unauthenticated } from '../errors/domain-errors.ts';

export const SESSION_COOKIE = 'planb_session';

/** Finds who is asking: a Bearer API token first, else the session cookie. */
export function identify(db: Db): RequestHandler {
  return (req, res, next) => {
    res.locals.user = null;
    res.locals.viaToken = false;
    const authorization = req.get('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(/\s+/, 2);
      const user = scheme?.toLowerCase() === 'bearer' && token ? userForApiToken(db, token) : undefined;
      if (!user) throw new Unauthenticated('Unknown or revoked API token (send Authorization: Bearer TOKEN)');
      res.locals.user = user;
      res.locals.viaToken = true;
      return next();
    }
    const sessionToken = req.cookies?.[SESSION_COOKIE] as string | undefined;
    const session = sessionToken ? resumeSession(db, sessionToken) : undefined;
    if (session && sessionToken) {
      res.locals.user = session.user;
      res.locals.sessionToken = sessionToken;
      res.locals.flash = session.flash;
    } else if (sessionToken) {
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    next();
  };
}
