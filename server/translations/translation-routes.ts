import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { outdatedTranslations } from './translation-service.ts';

/** Leads: the translations whose original changed since they were last saved or verified. */
export function translationRoutes(db: Db) {
  const router = Router();
  router.get('/translations/outdated', (_req, res) => {
    const translations = outdatedTranslations(db, res.locals.user);
    res.render('translations/outdated', { title: res.req.t('translations.outdated'), translations });
  });
  return router;
}

export function translationApi(db: Db) {
  const router = Router();
  router.get('/translations/outdated', (_req, res) => {
    res.json({ translations: outdatedTranslations(db, res.locals.user) });
  });
  return router;
}
