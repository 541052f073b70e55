import { Router, type Request, type Response } from 'express';
import { can } from '../people/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { notFound } from '../errors/domain-errors.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { findPath, recordRead } from './onboarding-queries.ts';
import {
  changesFor, createPath, curatedPaths, markItem, markSeen, pathsFor, personProgress, removePath,
  submitPathForm, teamProgress, type PathForm,
} from './onboarding-service.ts';
import { nameForm, pathEditor, readerPaths, type RefusedForm } from './onboarding-view.ts';

/** The Start here pages: a new hire's paths and what changed; the leads' path editor and progress. */
export function onboardingRoutes(db: Db) {
  const router = Router();

  // Every entry a signed-in person opens is recorded with its revision, for "changed since you last looked".
  router.get('/entries/:id', (req, res, next) => {
    const user = res.locals.user;
    if (user) {
      res.on('finish', () => {
        const stored = res.statusCode === 200 ? findEntry(db, req.params.id) : undefined;
        if (stored) recordRead(db, user.name, stored.entry.id, stored.revision);
      });
    }
    next();
  });

  const renderStart = (res: Response, error?: string) => {
    const user = res.locals.user;
    const changes = user ? changesFor(db, user.name) : { changed: [], created: [] };
    res.render('onboarding/start', {
      title: res.req.t('header.startHere'),
      paths: readerPaths(pathsFor(db, user)),
      changes,
      hasChanges: changes.changed.length + changes.created.length > 0,
      canCurate: can(user, 'curateOnboarding'),
      error,
    });
  };

  router.get('/start', (_req, res) => renderStart(res));

  router.post('/start/done', (req, res) => {
    const done = field(req, 'done') !== 'false';
    try {
      const item = markItem(db, res.locals.user, req.body, done);
      flash(db, res, done ? req.t('start.doneFlash', { title: item.title }) : req.t('start.notDoneFlash', { title: item.title }));
      res.redirect(`/start#item-${item.kind}-${item.id}`);
    } catch (error) {
      showFormAgain(res, error, ({ message }) => renderStart(res, message));
    }
  });

  router.post('/start/seen', (_req, res) => {
    markSeen(db, res.locals.user);
    flash(db, res, res.req.t('start.caughtUp'));
    res.redirect('/start');
  });

  // ---- Leads: the paths and their editor ----

  const renderPaths = (res: Response, form?: ReturnType<typeof nameForm>) => {
    res.render('onboarding/paths', { title: res.req.t('start.editTitle'), paths: curatedPaths(db, res.locals.user), form });
  };

  router.get('/start/paths', (_req, res) => renderPaths(res));

  router.post('/start/paths', (req, res) => {
    try {
      const path = createPath(db, res.locals.user, req.body);
      flash(db, res, req.t('start.created', { title: path.title }));
      res.redirect(`/start/paths/${path.id}`);
    } catch (error) {
      showFormAgain(res, error, (refusal) =>
        renderPaths(res, nameForm({ title: field(req, 'title'), summary: field(req, 'summary') }, refusal.message, refusal.field)),
      );
    }
  });

  const renderEditor = (res: Response, pathId: string, refused?: RefusedForm) => {
    curatedPaths(db, res.locals.user);
    const path = findPath(db, pathId);
    if (!path) throw notFound('path');
    res.render('onboarding/edit', { title: res.req.t('start.editPathTitle', { title: path.title }), ...pathEditor(db, path, refused) });
  };

  router.get('/start/paths/:path', (req, res) => renderEditor(res, req.params.path));

  router.post('/start/paths/:path', (req, res) => {
    const typed: PathForm = {
      title: field(req, 'title'),
      summary: field(req, 'summary'),
      whys: [req.body?.why ?? []].flat().map(String),
      action: field(req, 'action') || 'save',
      item: field(req, 'item'),
      addWhy: field(req, 'addWhy'),
    };
    try {
      flash(db, res, submitPathForm(db, res.locals.user, req.params.path, typed));
      res.redirect(`/start/paths/${req.params.path}${typed.action === 'save' && !typed.item ? '' : '#items'}`);
    } catch (error) {
      showFormAgain(res, error, ({ message, field }) => renderEditor(res, req.params.path, { typed, error: message, field }));
    }
  });

  router.post('/start/paths/:path/delete', (req, res) => {
    const path = removePath(db, res.locals.user, req.params.path);
    flash(db, res, req.t('start.deleted', { title: path.title }));
    res.redirect('/start/paths');
  });

  // ---- Leads: everyone's progress ----

  router.get('/start/progress', (_req, res) => {
    res.render('onboarding/progress', { title: res.req.t('start.progressTitle'), ...teamProgress(db, res.locals.user) });
  });

  router.get('/start/progress/:name', (req, res) => {
    const { person, paths } = personProgress(db, res.locals.user, req.params.name);
    res.render('onboarding/person', { title: res.req.t('start.personTitle', { name: person.name }), person, paths: readerPaths(paths) });
  });

  return router;
}

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
