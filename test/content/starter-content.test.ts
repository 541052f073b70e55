import { describe, expect, it } from 'vitest';
import { importStarterContentIfEmpty } from '../../server/content/starter-content.ts';
import { findEntry, listEntryIds } from '../../server/entries/entry-queries.ts';
import { listGuides } from '../../server/guides/guide-queries.ts';
import { listPaths } from '../../server/onboarding/onboarding-queries.ts';
import { freshDatabase } from '../support/database.ts';

describe('the starter knowledge base in content/', () => {
  const db = freshDatabase();
  const report = importStarterContentIfEmpty(db, 'content')!;
  const entries = listEntryIds(db).map((id) => findEntry(db, id)!.entry);

  it('imports whole, once', () => {
    expect(report.created).toBe(entries.length);
    expect(importStarterContentIfEmpty(db, 'content')).toBeNull();
  });

  it('covers at least 100 requests over at least 8 categories, 20 of them unusual', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(new Set(entries.map((e) => e.category)).size).toBeGreaterThanOrEqual(8);
    expect(entries.filter((e) => e.kind === 'unusual').length).toBeGreaterThanOrEqual(20);
  });

  it('gives every entry a solution, two alternatives, and what to say, timeline, caveats and follow-up', () => {
    for (const e of entries) {
      expect(e.solutions.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.alternatives.length, e.id).toBeGreaterThanOrEqual(2);
      for (const section of [e.summary, e.whatToSay, e.timeline, e.caveats, e.followUp]) expect(section.trim(), e.id).not.toBe('');
      expect(e.status, e.id).toBe('vetted');
      expect(e.owner, e.id).toBeTruthy();
    }
  });

  it('has Italian and Russian entries for the search in other languages', () => {
    expect(entries.filter((e) => e.language === 'it').length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((e) => e.language === 'ru').length).toBeGreaterThanOrEqual(2);
  });

  it('has the guides for new hires, in order, the first week first', () => {
    expect(listGuides(db).map((g) => g.id)).toEqual([
      'first-week',
      'setting-expectations',
      'when-the-answer-is-no',
      'handling-a-complaint',
      'service-myths',
    ]);
  });

  it('ships the first-week path: at least 6 entries and guides, the first-week guide first, each with a why', () => {
    const path = listPaths(db).find((p) => p.id === 'first-week')!;
    expect(path.items.length).toBeGreaterThanOrEqual(6);
    expect(path.items[0]).toMatchObject({ kind: 'guide', id: 'first-week' });
    expect(new Set(path.items.map((i) => i.kind))).toEqual(new Set(['entry', 'guide']));
    for (const item of path.items) expect(item.why, item.id).not.toBe('');
  });

  it('links only to entries and guides that exist', () => {
    const ids = new Set(entries.map((e) => e.id));
    const guideIds = new Set(listGuides(db).map((g) => g.id));
    const texts = [...entries.map((e) => JSON.stringify(e)), ...listGuides(db).map((g) => g.body)];
    for (const text of texts) {
      for (const [, kind, id] of text.matchAll(/\]\(\/(entries|guides)\/([a-z0-9-]+)\)/g)) {
        expect((kind === 'entries' ? ids : guideIds).has(id!), `${kind}/${id}`).toBe(true);
      }
    }
  });
});
