import { z } from 'zod';
import { ENTRY_KINDS } from '../entries/entry.ts';

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
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
