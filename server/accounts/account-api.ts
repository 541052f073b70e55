import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { addUser, changeRole, completeSetup, resetPassword, signIn } from './account-service.ts';
import { requirePermission } from '../people/permissions.ts';
import { signInResponse, signOutResponse } from './session-cookie.ts';
import { createToken, revokeToken, signedIn, tokensOf } from './token-service.ts';
import { listUsers } from './user-queries.ts';

/** JSON twins of the account pages. */
export function accountApi(db: Db) {
  const router = Router();

  router.get('/session', (_req, res) => {
    res.json({ user: res.locals.user, csrfToken: res.locals.csrfToken });
  });

  router.post('/session', async (req, res) => {
    const user = await signIn(db, req.body, req.ip ?? '');
    signInResponse(db, req, res, user.id);
    res.status(201).json({ user, csrfToken: res.locals.csrfToken });
  });

  router.delete('/session', (_req, res) => {
    signOutResponse(db, res);
    res.status(204).end();
  });

  /** The first admin, through the one-time token printed on the console. */
  router.post('/setup/:token', async (req, res) => {
    const admin = await completeSetup(db, req.params.token, req.body);
    signInResponse(db, req, res, admin.id);
    res.status(201).json({ user: admin, csrfToken: res.locals.csrfToken });
  });

  router.get('/account/tokens', (_req, res) => {
    res.json({ tokens: tokensOf(db, res.locals.user) });
  });

  router.post('/account/tokens', (req, res) => {
    const user = signedIn(res.locals.user);
    res.status(201).json(createToken(db, user, req.body, { actor: user.name, ip: req.ip ?? null }));
  });

  router.delete('/account/tokens/:id', (req, res) => {
    const user = signedIn(res.locals.user);
    revokeToken(db, user, req.params.id, { actor: user.name, ip: req.ip ?? null });
    res.status(204).end();
  });

  router.get('/users', (_req, res) => {
    requirePermission(res.locals.user, 'manageUsers');
    res.json({ users: listUsers(db) });
  });

  router.post('/users', async (req, res) => {
    const { user, password } = await addUser(db, res.locals.user, req.body, req.ip ?? null);
    res.status(201).json({ user, password });
  });

  router.post('/users/:name/role', (req, res) => {
    res.json({ user: changeRole(db, res.locals.user, req.params.name, req.body, req.ip ?? null) });
  });

  router.post('/users/:name/password', async (req, res) => {
    res.json({ password: await resetPassword(db, res.locals.user, req.params.name, req.ip ?? null) });
  });

  return router;
}
