import { z } from 'zod';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { StoredEntry } from '../entries/entry-queries.ts';
import { visibleEntry } from '../entries/visible-entry.ts';
import { Conflict, Invalid } from '../errors/domain-errors.ts';
import { validate } from '../http/validate.ts';
import { helpfulTally, helpfulVoteOf, optionTallies, recordOptionFeedback, setHelpful } from './feedback-queries.ts';
import { countsFor, type OptionCounts } from './option-counts.ts';

/** "Worked / didn't work" on an option and "was this helpful" on an entry. The pages and the API both call these. */

/** true/false from JSON, or "true"/"false" from a form. */
const yesNo = (field: string) =>
  z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: `${field} must be true or false` });

const feedbackSchema = z.object({
  option: z.coerce
    .number({ error: 'option must be the number of a solution or alternative' })
    .int('option must be the number of a solution or alternative')
    .min(1, 'option must be the number of a solution or alternative'),
  worked: yesNo('worked'),
  /** Optional: the title the person saw, so a click on a page opened before a reorder is not misfiled. */
  title: z.string({ error: 'title must be text' }).optional(),
});
const helpfulSchema = z.object({ helpful: yesNo('helpful') });

export interface OptionFeedback {
  option: number;
  kind: 'solution' | 'alternative';
  title: string;
  counts: OptionCounts;
}

/** Solutions then alternatives, numbered 1… in page order, as the API and the page count them. */
export function numberedOptions(stored: StoredEntry) {
  const { solutions, alternatives } = stored.entry;
  return [
    ...solutions.map((o) => ({ kind: 'solution' as const, title: o.title })),
    ...alternatives.map((o) => ({ kind: 'alternative' as const, title: o.title })),
  ].map((o, i) => ({ ...o, number: i + 1 }));
}

export function optionFeedback(db: Db, stored: StoredEntry): OptionFeedback[] {
  const options = numberedOptions(stored);
  const counts = countsFor(options, optionTallies(db, stored.entry.id));
  return options.map(({ number, kind, title }) => ({ option: number, kind, title, counts: counts.get(number)! }));
}

export function giveFeedback(db: Db, actor: User | null, entryId: string, input: unknown): OptionFeedback & { worked: boolean } {
  const user = requirePermission(actor, 'giveFeedback');
  const { option, worked, title } = validate(feedbackSchema, input ?? {});
  // The options are read in the write transaction, so the vote lands on the option the check saw.
  return writeTransaction(db, () => {
    const stored = visibleEntry(db, user, entryId);
    const options = numberedOptions(stored);
    const chosen = options[option - 1];
    if (!chosen) throw new Invalid(`option must be a number from 1 to ${options.length}`, 'option');
    if (title !== undefined && title !== chosen.title) {
      throw new Conflict('The options of this entry changed since the page was opened: nothing was recorded. Reload and try again.', 'option');
    }
    recordOptionFeedback(db, { entryId, number: option, title: chosen.title, worked, givenBy: user.name });
    return { ...optionFeedback(db, stored)[option - 1]!, worked };
  });
}

export function voteHelpful(db: Db, actor: User | null, entryId: string, input: unknown) {
  const user = requirePermission(actor, 'giveFeedback');
  const { helpful } = validate(helpfulSchema, input ?? {});
  return writeTransaction(db, () => {
    visibleEntry(db, user, entryId);
    setHelpful(db, entryId, user.name, helpful);
    return { helpful, ...helpfulTally(db, entryId) };
  });
}

export function helpfulCounts(db: Db, entryId: string, voter: string | undefined) {
  return { ...helpfulTally(db, entryId), mine: voter === undefined ? undefined : helpfulVoteOf(db, entryId, voter) };
}
