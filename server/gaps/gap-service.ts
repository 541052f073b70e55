import { z } from 'zod';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { saveEntry } from '../entries/save-entry.ts';
import { NotFound } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { oneLine } from '../validation/text.ts';
import { gapKey, listGaps, resolveGap, type Gap } from './gap-queries.ts';

/** What leads do with content gaps; the page and the API share these rules. */

const querySchema = oneLine('query', 300);
const phrasingSchema = z.object({ query: querySchema, entry: z.string({ error: 'entry is required' }).trim().min(1, 'entry is required') });

export function gapsFor(db: Db, actor: User | null): Gap[] {
  requirePermission(actor, 'seeInsights');
  return listGaps(db);
}

/** The customer's own words become a phrasing of the entry that answers them, so the next search finds it. */
export function addGapAsPhrasing(db: Db, actor: User | null, input: unknown): { entry: string; revision: number } {
  const lead = requirePermission(actor, 'editDirectly');
  const { query, entry: id } = validate(phrasingSchema, input);
  // Read inside the write transaction, so an edit saved meanwhile (by another process too) is kept.
  const saved = writeTransaction(db, () => {
    const stored = findEntry(db, id);
    if (!stored) throw new NotFound(`No entry with the id "${id}"`, 'entry');
    const { entry } = stored;
    const known = entry.phrasings.some((p) => gapKey(p) === gapKey(query));
    const updated = known ? entry : { ...entry, phrasings: [...entry.phrasings, query] };
    const result = saveEntry(db, updated, { author: lead.name, summary: `Added the search "${query}" as a phrasing` });
    resolveGap(db, query, 'phrasing', id, lead.name);
    return result;
  });
  return { entry: id, revision: saved.revision };
}

export function dismissGap(db: Db, actor: User | null, input: unknown): void {
  const lead = requirePermission(actor, 'seeInsights');
  const { query } = validate(z.object({ query: querySchema }), input);
  resolveGap(db, query, 'dismissed', null, lead.name);
}
