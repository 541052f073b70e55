import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { AUDIT_ACTIONS } from './audit-log.ts';
import { readAudit } from './audit-service.ts';

/** What an admin reads in words; the stored action names stay stable for the API. */
const ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  sign_in_throttled: 'Sign-in slowed down',
  user_created: 'Account created',
  password_reset: 'Password reset',
  role_changed: 'Role changed',
  token_created: 'API token created',
  token_revoked: 'API token revoked',
  import: 'Import',
  restore: 'Restore',
  deletion: 'Deletion',
};

/** The admins' audit page: who did what, when and from where, filterable and paginated. */
export function auditRoutes(db: Db) {
  const router = Router();
  router.get('/admin/audit', (req, res) => {
    const { filter, entries, nextBefore } = readAudit(db, res.locals.user, req.query);
    const keep = new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), ...(filter.person ? { person: filter.person } : {}) });
    res.render('audit/audit', {
      title: 'Audit log',
      entries: entries.map((e) => ({ ...e, label: ACTION_LABELS[e.action], failed: e.action.startsWith('sign_in_') })),
      actions: AUDIT_ACTIONS.map((action) => ({ action, label: ACTION_LABELS[action], selected: action === filter.action })),
      person: filter.person ?? '',
      filtered: Boolean(filter.action || filter.person),
      newerLink: filter.before ? `/admin/audit${keep.size ? `?${keep}` : ''}` : null,
      olderLink: nextBefore ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(keep), before: String(nextBefore) })}` : null,
    });
  });
  return router;
}
