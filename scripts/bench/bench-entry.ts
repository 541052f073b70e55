import { entrySchema, type Entry } from '../../server/entries/entry.ts';

/** A small vetted entry the benchmarks write while measuring. */
export function makeBenchEntry(id: string, title: string): Entry {
  return entrySchema.parse({
    id, title, category: 'Cards', status: 'vetted',
    phrasings: [`${title.toLowerCase()} again`],
    solutions: [{ title: 'Check the statement', body: 'Look for the pending charge.' }],
    alternatives: [{ title: 'Escalate', body: 'When the charge stays.' }],
  });
}
