import { z } from 'zod';
import { markdownText, oneLine } from '../validation/text.ts';

/** An entry as it is written in a file, sent to the API and stored in a revision (Markdown, not HTML). */

export const ENTRY_KINDS = ['common', 'unusual'] as const;
export const ENTRY_STATUSES = ['draft', 'in_review', 'vetted', 'archived'] as const;

export const optionSchema = z.object({
  title: oneLine('option title', 200),
  body: markdownText('option text', { optionBody: true }),
});

export const entrySchema = z.object({
  id: z
    .string({ error: 'id is required' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase letters, digits and single hyphens (a slug)')
    .max(120),
  title: oneLine('title', 200),
  kind: z.enum(ENTRY_KINDS, { error: 'kind must be common or unusual' }).default('common'),
  category: oneLine('category', 80),
  tags: z.array(oneLine('tag', 40), { error: 'tags must be a list' }).max(20).default([]),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$/, 'language must be a language code such as en, it or ru')
    .default('en'),
  /** On a translation: the id of the entry it translates (its source); null on a source. */
  translationOf: z
    .string({ error: 'translation_of must be an entry id' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'translation_of must be the id of an entry (a slug)')
    .max(120)
    .nullable()
    .default(null),
  status: z.enum(ENTRY_STATUSES, { error: 'status must be draft, in_review, vetted or archived' }).default('draft'),
  owner: oneLine('owner', 80).nullable().default(null),
  reviewBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'review_by must be a date written YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(d)), 'review_by must be a real date')
    .nullable()
    .default(null),
  phrasings: z.array(oneLine('phrasing', 1000), { error: 'phrasings must be a list' }).max(100).default([]),
  summary: markdownText('summary'),
  solutions: z.array(optionSchema).min(1, 'at least one solution is required').max(30),
  alternatives: z.array(optionSchema).max(30).default([]),
  whatToSay: markdownText('what to say'),
  timeline: markdownText('timeline'),
  caveats: markdownText('caveats'),
  followUp: markdownText('follow-up'),
});

export type Entry = z.infer<typeof entrySchema>;
export type EntryOption = z.infer<typeof optionSchema>;
export type EntryKind = Entry['kind'];
export type EntryStatus = Entry['status'];

/** The prose sections after the options, in file and page order. */
export const PROSE_SECTIONS = [
  { key: 'whatToSay', heading: 'What to say' },
  { key: 'timeline', heading: 'Timeline' },
  { key: 'caveats', heading: 'Caveats' },
  { key: 'followUp', heading: 'Follow-up' },
] as const;

export type ProseKey = (typeof PROSE_SECTIONS)[number]['key'];
