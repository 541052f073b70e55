import { z } from 'zod';
import { ENTRY_KINDS } from '../../entries/entry.ts';

const optionalText = z
  .string({ error: 'must be given once' })
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

/** The query string of the search page and of GET /api/search. */
export const searchParamsSchema = z.object({
  q: z.string({ error: 'q must be given once' }).max(500, 'q must be at most 500 characters').default(''),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be between 1 and 50')
    .max(50, 'limit must be between 1 and 50')
    .default(10),
  category: optionalText,
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ENTRY_KINDS, { error: 'kind must be common or unusual' }).optional()),
  lang: optionalText,
  /** As you type: words only, never waiting for the sentence model. */
  instant: z.enum(['1'], { error: 'instant must be 1' }).optional(),
  /** The as-you-type script asks for the results fragment alone. */
  fragment: z.enum(['1'], { error: 'fragment must be 1' }).optional(),
  /** The log id of the previous keystroke's search, so a typing session stays one log row. */
  session: z.coerce.number({ error: 'session must be a number' }).int('session must be a whole number').positive('session must be positive').optional(),
});

/** GET /search/open/:logId/:entryId: the link from a result to its entry. */
export const openParamsSchema = z.object({
  logId: z.coerce.number({ error: 'logId must be a number' }).int('logId must be a whole number').positive('logId must be positive'),
  entryId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'entryId must be an entry id'),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
