import type { Db } from '../../server/db/connection.ts';
import { savePath } from '../../server/onboarding/onboarding-queries.ts';
import type { PathItem } from '../../server/onboarding/path.ts';

/** Stores the path "Your first week" (id first-week) with these items, over the fixture knowledge base. */
export function saveFirstWeek(db: Db, items: [kind: PathItem['kind'], id: string, why: string][]): void {
  savePath(db, {
    id: 'first-week',
    title: 'Your first week',
    summary: 'Read these first.',
    order: 1,
    items: items.map(([kind, id, why]) => ({ kind, id, why })),
  });
}
