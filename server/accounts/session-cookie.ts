import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './identify.ts';
import type { Db } from '../db/connection.ts';
import { csrfTokenFor } from './csrf.ts';
import { endSession, SESSION_DAYS, setFlash, startSession } from './sessions.ts';
import { DAY_MS } from '../dates/days.ts';

export function signInResponse(db: Db, req: Request, res: Response, userId: number): void {
  const token = startSession(db, userId);
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_DAYS * DAY_MS,
  });
  res.locals.sessionToken = token;
  // A new session, a new CSRF token: one seen before sign-in is worthless after it.
  res.locals.csrfToken = csrfTokenFor(token);
}

export function signOutResponse(db: Db, res: Response): void {
  if (res.locals.sessionToken) endSession(db, res.locals.sessionToken);
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** A message for the next page this person sees (after a redirect). */
export function flash(db: Db, res: Response, message: string): void {
  if (res.locals.sessionToken) setFlash(db, res.locals.sessionToken, message);
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}
