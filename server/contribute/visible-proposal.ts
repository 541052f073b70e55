import type { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { notFound } from '../errors/domain-errors.ts';
import { can, requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import { findProposal, type Proposal } from './proposal-queries.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The proposal named by a `:proposal` route parameter, loaded and checked by proposalParam. */
      proposal?: Proposal;
    }
  }
}

/** The written-once rule: a proposal is seen by its author and by reviewers; to anyone else it does not exist. */
export function visibleProposal(db: Db, actor: User | null | undefined, id: unknown): Proposal {
  const user = requirePermission(actor, 'propose');
  const number = Number(id);
  const proposal = Number.isInteger(number) ? findProposal(db, number) : undefined;
  if (!proposal || (proposal.author !== user.name && !can(user, 'review'))) throw notFound('proposal');
  return proposal;
}

/** Every route of this router that names `:proposal` gets it loaded and checked once, as res.locals.proposal. */
export function proposalParam(router: Router, db: Db): void {
  router.param('proposal', (_req, res, next, id) => {
    res.locals.proposal = visibleProposal(db, res.locals.user, id);
    next();
  });
}
