import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { AUDIT_ACTIONS } from './audit-log.ts';
import { readAudit } from './audit-service.ts';

/** The admins' audit page: who did what, when and from where, filterable and paginated. */
export function auditRoutes(db: Db) {
  const router = Router();
  router.get('/admin/audit', (req, res) => {
    const { filter, entries, nextBefore } = readAudit(db, res.locals.user, req.query);
    const keep = new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), ...(filter.person ? { person: filter.person } : {}) });
    res.render('audit/audit', {
      title: req.t('header.audit'),
      entries: entries.map((e) => ({ ...e, failed: e.action.startsWith('sign_in_') })),
      actions: AUDIT_ACTIONS.map((action) => ({ action, selected: action === filter.action })),
      person: filter.person ?? '',
      filtered: Boolean(filter.action || filter.person),
      newerLink: filter.before ? `/admin/audit${keep.size ? `?${keep}` : ''}` : null,
      olderLink: nextBefore ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(keep), before: String(nextBefore) })}` : null,
    });
  });
  return router;
}
