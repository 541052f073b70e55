import { Router, type Request, type Response } from 'express';
import { can } from '../accounts/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { HttpError, isRefusedInput, notFound } from '../http/http-error.ts';
import { findPath, recordRead } from './onboarding-queries.ts';
import {
  addItem, changesFor, createPath, curatedPaths, markItem, markSeen, moveItem, pathsFor, personProgress,
  removeItem, removePath, teamProgress, updateItem, updatePath,
} from './onboarding-service.ts';
import { nameForm, pathEditor, readerPaths, type EditorForm } from './onboarding-view.ts';

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
      title: 'Start here',
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
      flash(db, res, done ? `Done: “${item.title}”.` : `“${item.title}” is marked as not done.`);
      res.redirect(`/start#item-${item.kind}-${item.id}`);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status === 401) throw error;
      renderStart(res.status(error.status), error.message);
    }
  });

  router.post('/start/seen', (_req, res) => {
    markSeen(db, res.locals.user);
    flash(db, res, 'All caught up: the list starts again from now.');
    res.redirect('/start');
  });

  // ---- Leads: the paths and their editor ----

  const renderPaths = (res: Response, form?: ReturnType<typeof nameForm>) => {
    res.render('onboarding/paths', { title: 'Edit Start here paths', paths: curatedPaths(db, res.locals.user), form });
  };

  router.get('/start/paths', (_req, res) => renderPaths(res));

  router.post('/start/paths', (req, res) => {
    try {
      const path = createPath(db, res.locals.user, req.body);
      flash(db, res, `Created the path “${path.title}”. Add its first items below.`);
      res.redirect(`/start/paths/${path.id}`);
    } catch (error) {
      if (!isRefusedInput(error)) throw error;
      renderPaths(res.status(error.status), nameForm({ title: field(req, 'title'), summary: field(req, 'summary') }, error.message, error.field));
    }
  });

  const renderEditor = (res: Response, pathId: string, form?: EditorForm) => {
    curatedPaths(db, res.locals.user);
    const path = findPath(db, pathId);
    if (!path) throw notFound('path');
    res.render('onboarding/edit', { title: `Edit “${path.title}”`, ...pathEditor(db, path, form) });
  };

  router.get('/start/paths/:path', (req, res) => renderEditor(res, req.params.path));

  /** Runs one edit; on refused input the editor comes back with the message and what was typed. */
  const edit = (form: (req: Request) => string, fields: string[], run: (req: Request, res: Response) => string) =>
    (req: Request, res: Response) => {
      const pathId = String(req.params.path);
      try {
        flash(db, res, run(req, res));
        res.redirect(`/start/paths/${pathId}${anchor(form(req))}`);
      } catch (error) {
        if (!isRefusedInput(error)) throw error;
        const values = Object.fromEntries(fields.map((name) => [name, field(req, name)]));
        renderEditor(res.status(error.status), pathId, { form: form(req), error: error.message, field: error.field, values });
      }
    };
  const position = (req: Request) => Number(req.params.position);

  router.post('/start/paths/:path', edit(() => 'name', ['title', 'summary'], (req, res) => {
    return `Saved the name “${updatePath(db, res.locals.user, String(req.params.path), req.body).title}”.`;
  }));

  router.post('/start/paths/:path/items', edit(() => 'add', ['item', 'why'], (req, res) => {
    const [kind, ...id] = field(req, 'item').split(':');
    const path = addItem(db, res.locals.user, String(req.params.path), { kind: kind || undefined, id: id.join(':') || undefined, why: req.body?.why });
    return `Added item ${path.items.length}.`;
  }));

  router.post('/start/paths/:path/items/:position', edit((req) => `why-${req.params.position}`, ['why'], (req, res) => {
    updateItem(db, res.locals.user, String(req.params.path), position(req), req.body);
    return `Saved why for item ${position(req)}.`;
  }));

  router.post('/start/paths/:path/items/:position/move', edit(() => 'items', [], (req, res) => {
    moveItem(db, res.locals.user, String(req.params.path), position(req), req.body);
    return `Moved item ${position(req)} ${field(req, 'direction')}.`;
  }));

  router.post('/start/paths/:path/items/:position/remove', edit(() => 'items', [], (req, res) => {
    removeItem(db, res.locals.user, String(req.params.path), position(req));
    return `Removed item ${position(req)}.`;
  }));

  router.post('/start/paths/:path/delete', (req, res) => {
    const path = removePath(db, res.locals.user, req.params.path);
    flash(db, res, `Deleted the path “${path.title}”. Everyone's progress on its items is kept.`);
    res.redirect('/start/paths');
  });

  // ---- Leads: everyone's progress ----

  router.get('/start/progress', (_req, res) => {
    res.render('onboarding/progress', { title: 'Start here progress', ...teamProgress(db, res.locals.user) });
  });

  router.get('/start/progress/:name', (req, res) => {
    const { person, paths } = personProgress(db, res.locals.user, req.params.name);
    res.render('onboarding/person', { title: `${person.name}: Start here progress`, person, paths: readerPaths(paths) });
  });

  return router;
}

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

const anchor = (form: string) => (form === 'name' ? '' : form === 'add' ? '#add' : '#items');
