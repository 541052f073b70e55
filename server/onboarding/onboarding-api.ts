import { Router, type Request } from 'express';
import type { Db } from '../db/connection.ts';
import { Unauthenticated } from '../errors/domain-errors.ts';
import {
  addItem, changesFor, createPath, curatedPaths, markItem, markSeen, moveItem, onboardingJson, pathsFor,
  personProgress, removeItem, removePath, teamProgress, updateItem, updatePath,
} from './onboarding-service.ts';

/** JSON twins of the Start here pages: the same services, the same rules. */
export function onboardingApi(db: Db) {
  const router = Router();
  const position = (req: Request) => Number(req.params.position);

  router.get('/onboarding', (_req, res) => {
    if (!res.locals.user) throw new Unauthenticated('Sign in first');
    res.json(onboardingJson(pathsFor(db, res.locals.user)));
  });
  router.post('/onboarding/done', (req, res) => res.json(markItem(db, res.locals.user, req.body, true)));
  router.post('/onboarding/not-done', (req, res) => res.json(markItem(db, res.locals.user, req.body, false)));

  router.get('/onboarding/changes', (_req, res) => {
    if (!res.locals.user) throw new Unauthenticated('Sign in first');
    res.json(changesFor(db, res.locals.user.name));
  });
  router.post('/onboarding/seen', (_req, res) => {
    markSeen(db, res.locals.user);
    res.status(204).end();
  });

  // Leads
  router.get('/onboarding/paths', (_req, res) => res.json({ paths: curatedPaths(db, res.locals.user) }));
  router.post('/onboarding/paths', (req, res) => res.status(201).json(createPath(db, res.locals.user, req.body)));
  router.post('/onboarding/paths/:path', (req, res) => res.json(updatePath(db, res.locals.user, req.params.path, req.body)));
  router.delete('/onboarding/paths/:path', (req, res) => {
    removePath(db, res.locals.user, req.params.path);
    res.status(204).end();
  });
  router.post('/onboarding/paths/:path/items', (req, res) => {
    res.status(201).json(addItem(db, res.locals.user, req.params.path, req.body));
  });
  router.post('/onboarding/paths/:path/items/:position', (req, res) => {
    res.json(updateItem(db, res.locals.user, req.params.path, position(req), req.body));
  });
  router.delete('/onboarding/paths/:path/items/:position', (req, res) => {
    res.json(removeItem(db, res.locals.user, req.params.path, position(req)));
  });
  router.post('/onboarding/paths/:path/items/:position/move', (req, res) => {
    res.json(moveItem(db, res.locals.user, req.params.path, position(req), req.body));
  });

  router.get('/onboarding/progress', (_req, res) => res.json(teamProgress(db, res.locals.user)));
  router.get('/onboarding/progress/:name', (req, res) => {
    const { person, paths } = personProgress(db, res.locals.user, req.params.name);
    res.json({ name: person.name, role: person.role, ...onboardingJson(paths) });
  });

  return router;
}
