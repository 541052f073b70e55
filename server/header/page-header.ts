import type { RequestHandler } from 'express';
import { can } from '../people/permissions.ts';
import type { Db } from '../db/connection.ts';
import { countOpenFlags } from '../flags/flag-queries.ts';
import { DUE_SOON_DAYS } from '../freshness/freshness-service.ts';
import { countStaleOwnedBy } from '../freshness/freshness-queries.ts';
import { addDays, today } from '../dates/days.ts';
import { countChangesRequested, countPendingProposals } from '../contribute/proposal-queries.ts';

/** What the header shows the signed-in person: role links and "waiting for me" counts (pages only). */
export function pageHeader(db: Db): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    if (req.method !== 'GET' || req.path.startsWith('/api/') || !user) return next();
    res.locals.isLead = can(user, 'review');
    res.locals.isAdmin = can(user, 'manageUsers');
    res.locals.counts = {
      review: can(user, 'review') ? countPendingProposals(db) : 0,
      myDrafts: countChangesRequested(db, user.name),
      flags: can(user, 'resolveFlags') ? countOpenFlags(db) : 0,
      stale: can(user, 'verify') ? countStaleOwnedBy(db, addDays(today(), DUE_SOON_DAYS), user.name) : 0,
    };
    next();
  };
}
