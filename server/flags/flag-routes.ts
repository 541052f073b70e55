import { Router, type Request, type Response } from 'express';
import { requirePermission } from '../accounts/permissions.ts';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { showEntry } from '../entries/entry-routes.ts';
import { isRefusedInput } from '../http/http-error.ts';
import { dismissFlag, flagEntry, resolveFlag } from './flag-service.ts';
import { flagQueue, type QueueForm } from './flag-view.ts';

/** The flag form on the entry page, and the leads' flags queue. */
export function flagRoutes(db: Db) {
  const router = Router();

  router.post('/entries/:id/flags', (req, res) => {
    try {
      const flag = flagEntry(db, res.locals.user, req.params.id, req.body);
      flash(db, res, req.t('flags.thanks', { reason: req.t('flags.reason', { context: flag.reason }) }));
      // The confirmation, at the top of the page, is what must be in view after sending.
      res.redirect(`/entries/${flag.entryId}#flash`);
    } catch (error) {
      if (!isRefusedInput(error)) throw error;
      showEntry(db, req.params.id, req, res.status(error.status), { flag: { error: error.message, comment: formText(req, 'comment') } });
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
      if (!isRefusedInput(error)) throw error;
      renderQueue(res.status(error.status), { flagId: id, action, error: error.message, text: formText(req, field) });
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
