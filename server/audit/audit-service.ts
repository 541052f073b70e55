import { z } from 'zod';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { validate } from '../http/validate.ts';
import { AUDIT_ACTIONS, listAudit } from './audit-log.ts';

/** Admins read the audit log, filtered by action and person, newest first, a page at a time. */

const PAGE = 50;

const filterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS, { error: `action must be one of ${AUDIT_ACTIONS.join(', ')}` }).optional(),
  person: z.string().trim().max(100, 'person must be at most 100 characters').optional(),
  before: z.coerce.number({ error: 'before must be an entry number' }).int().positive().optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit must be 1 to 200').max(200, 'limit must be 1 to 200').default(PAGE),
});

export type AuditQuery = z.infer<typeof filterSchema>;

/** Empty form fields ("any action", no person) mean no filter. */
export function readAudit(db: Db, actor: User | null, query: Record<string, unknown>) {
  requirePermission(actor, 'manageUsers');
  const filter = validate(filterSchema, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
  return { filter, ...listAudit(db, { ...filter, person: filter.person || undefined }) };
}
