import { z } from 'zod';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/connection.ts';
import { NotFound, Unauthenticated } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { oneLine } from '../validation/text.ts';
import type { User } from '../people/user.ts';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenItem } from './user-queries.ts';

/** Personal API tokens: a person creates, lists and revokes their own (pages, API and command line). */

const newTokenSchema = z.object({ name: oneLine('name', 60, false).optional() });
const tokenIdSchema = z.coerce.number({ error: 'token id must be a number' }).int('token id must be a number').positive('token id must be a number');

export function signedIn(user: User | null | undefined): User {
  if (!user) throw new Unauthenticated('Sign in first');
  return user;
}

export function tokensOf(db: Db, actor: User | null): ApiTokenItem[] {
  return listApiTokens(db, signedIn(actor).id);
}

/** Who acts (`actor`: a person, or the command line acting for `owner`) and from where. */
export interface TokenContext {
  actor: string;
  ip: string | null;
}

export function createToken(db: Db, owner: User, input: unknown, context: TokenContext): { id: number; name: string; token: string } {
  const name = validate(newTokenSchema, input ?? {}).name || 'API token';
  const { id, token } = createApiToken(db, owner.id, name);
  recordAudit(db, { action: 'token_created', actor: context.actor, subject: owner.name, ip: context.ip, detail: `#${id} ${name}` });
  return { id, name, token };
}

/** Revokes one of the owner's tokens; someone else's token is "not found", never revoked. */
export function revokeToken(db: Db, owner: User, tokenId: unknown, context: TokenContext): { id: number; name: string } {
  const id = validate(tokenIdSchema, tokenId);
  const name = revokeApiToken(db, owner.id, id);
  if (name === undefined) throw new NotFound(`You have no API token #${id}`, 'id');
  recordAudit(db, { action: 'token_revoked', actor: context.actor, subject: owner.name, ip: context.ip, detail: `#${id} ${name}` });
  return { id, name };
}
