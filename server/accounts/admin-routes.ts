import { Router, type Response } from 'express';
import type { Db } from '../db/connection.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { addUser, changeRole, resetPassword } from './account-service.ts';
import { requirePermission } from '../people/permissions.ts';
import { ROLES } from '../people/user.ts';
import { listUsers } from './user-queries.ts';

/** The admin's page for accounts and roles. */
export function adminRoutes(db: Db) {
  const router = Router();

  const renderUsers = (res: Response, extra: Record<string, unknown> = {}) => {
    requirePermission(res.locals.user, 'manageUsers');
    const users = listUsers(db).map((u) => ({
      ...u,
      isMe: u.id === res.locals.user?.id,
      roles: ROLES.map((role) => ({ role, selected: role === u.role })),
    }));
    res.render('accounts/users', { title: res.req.t('users.title'), users, roles: ROLES, ...extra });
  };

  router.get('/admin/users', (_req, res) => renderUsers(res));

  router.post('/admin/users', async (req, res) => {
    try {
      const { user, password } = await addUser(db, res.locals.user, req.body, req.ip ?? null);
      renderUsers(res, { created: { name: user.name, role: user.role, password } });
    } catch (error) {
      showFormAgain(res, error, ({ message }) => renderUsers(res, { error: message, form: req.body }));
    }
  });

  router.post('/admin/users/:name/role', (req, res) => {
    try {
      const user = changeRole(db, res.locals.user, req.params.name, req.body, req.ip ?? null);
      renderUsers(res, { notice: req.t('users.roleChanged', { name: user.name, role: req.t('roles.role', { context: user.role }) }) });
    } catch (error) {
      showFormAgain(res, error, ({ message }) => renderUsers(res, { error: message }));
    }
  });

  router.post('/admin/users/:name/password', async (req, res) => {
    const password = await resetPassword(db, res.locals.user, req.params.name, req.ip ?? null);
    renderUsers(res, { created: { name: req.params.name, password, reset: true } });
  });

  return router;
}
