import { z } from 'zod';

/** A "Start here" path: an ordered list of entries and guides, each with a one-line reason to read it. */

export const ITEM_KINDS = ['entry', 'guide'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const slug = z.string({ error: 'id is required' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be a slug: lowercase letters, digits and hyphens');

export const kindSchema = z.enum(ITEM_KINDS, { error: 'kind must be entry or guide' });

export const pathItemSchema = z.object({
  kind: kindSchema,
  id: z.string({ error: 'id is required' }).trim().min(1, 'id is required').max(200),
  why: z.string({ error: 'why must be text' }).trim().max(200, 'why must be one line of at most 200 characters')
    .refine((text) => !text.includes('\n'), 'why must be one line').default(''),
});

export const pathSchema = z.object({
  id: slug,
  title: z.string({ error: 'title is required' }).trim().min(1, 'title is required').max(120, 'title must be at most 120 characters'),
  summary: z.string({ error: 'summary must be text' }).trim().max(300, 'summary must be at most 300 characters').default(''),
  order: z.number({ error: 'order must be a number' }).int().min(0).default(0),
  items: z.array(pathItemSchema).default([]),
});

export type PathItem = z.infer<typeof pathItemSchema>;
export type Path = z.infer<typeof pathSchema>;

export const itemKey = (item: { kind: ItemKind; id: string }) => `${item.kind}:${item.id}`;
