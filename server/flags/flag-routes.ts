import { Router, type Request, type Response } from 'express';
import type { FlagForm } from './flag-view.ts';
import { requirePermission } from '../people/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { entryParam } from '../entries/visible-entry.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { dismissFlag, flagEntry, resolveFlag } from './flag-service.ts';
import { flagQueue, type QueueForm } from './flag-view.ts';

/** Shows the entry page again with the flag form's error and what was typed (the entry page is the app's to compose). */
export type ShowEntryWithFlagForm = (req: Request, res: Response, form: FlagForm) => void;

/** The flag form on the entry page, and the leads' flags queue. */
export function flagRoutes(db: Db, showEntryWith: ShowEntryWithFlagForm) {
  const router = Router();
  entryParam(router, db);

  router.post('/entries/:id/flags', (req, res) => {
    try {
      const flag = flagEntry(db, res.locals.user, req.params.id, req.body);
      flash(db, res, req.t('flags.thanks', { reason: req.t('flags.reason', { context: flag.reason }) }));
      // The confirmation, at the top of the page, is what must be in view after sending.
      res.redirect(`/entries/${flag.entryId}#flash`);
    } catch (error) {
      showFormAgain(res, error, ({ message }) => showEntryWith(req, res, { error: message, comment: formText(req, 'comment') }));
    }
  });

  const renderQueue = (res: Response, form?: QueueForm) => {
    requirePermission(res.locals.user, 'resolveFlags');
    res.render('flags/queue', { title: res.req.t('header.flags'), ...flagQueue(db, form) });
  };

  router.get('/flags', (_req, res) => renderQueue(res));

  const close = (action: QueueForm['action'], field: 'note' | 'reason') => (req: Request, res: Response) => {
    const id = Number(req.params.flag);
    try {
      const flag = (action === 'resolve' ? resolveFlag : dismissFlag)(db, res.locals.user, id, req.body);
      flash(db, res, action === 'resolve' ? req.t('flags.resolved', { title: flag.entryTitle }) : req.t('flags.dismissed', { title: flag.entryTitle }));
      res.redirect('/flags');
    } catch (error) {
      showFormAgain(res, error, ({ message }) => renderQueue(res, { flagId: id, action, error: message, text: formText(req, field) }));
    }
  };

  router.post('/flags/:flag/resolve', close('resolve', 'note'));
  router.post('/flags/:flag/dismiss', close('dismiss', 'reason'));

  return router;
}

function formText(req: Request, field: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}
