import { z } from 'zod';
import { oneLine } from '../validation/text.ts';

/** A guide: a longer onboarding page for new hires. */
export const guideSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be a slug: lowercase letters, digits and hyphens'),
  title: oneLine('title', 200),
  summary: z.string().trim().max(500).default(''),
  order: z.number({ error: 'order must be a number' }).int().min(0).default(0),
  body: z.string().min(1, 'a guide needs a body'),
});

export type Guide = z.infer<typeof guideSchema>;
