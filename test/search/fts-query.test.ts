import { describe, expect, it } from 'vitest';
import { ftsMatch } from '../../server/search/query/fts-query.ts';
import { queryTerms } from '../../server/search/query/query-terms.ts';
import { createSearch } from '../../server/search/search.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';

describe('what the agent typed becomes a safe FTS5 expression', () => {
  it.each([
    ['parcel late', '"parcel" OR "late"*'],
    ['parcel late ', '"parcel" OR "late"'],
    ['where is my parcel?', '"parcel"'],
    ['how do I', '"how" OR "do" OR "i"*'],
    ['Perché RIMBORSO', '"perche" OR "rimborso"*'],
    ['где моя посылка', '"где" OR "моя" OR "посылка"*'],
    ['"unbalanced quote', '"unbalanced" OR "quote"*'],
    ['NOT refund', '"not" OR "refund"*'],
    ['refund AND NOT card', '"refund" OR "not" OR "card"*'],
    ['col:umn', '"col" OR "umn"*'],
    ['star* (paren', '"star" OR "paren"*'],
    ['NEAR(a b)', '"near" OR "b"'],
    ["can't log in", '"can\'t" OR "log"'],
    ["can't log", '"can\'t" OR "log"*'],
    ['', null],
    ['   ', null],
    ['?!*:()"^', null],
  ])('%j → %j', (typed, expected) => {
    expect(ftsMatch(queryTerms(typed))).toBe(expected);
  });

  it('joins with AND when asked', () => {
    expect(ftsMatch(queryTerms('parcel late '), 'AND')).toBe('"parcel" AND "late"');
  });

  it.each(['"', '""', "'", 'NOT', 'AND OR', '*', ':', '(', ')', '^', 'a:b:c', 'x"y', '\\', '-', '+', '%', '{', '}', '[', ']', 'NEAR', '\u0000', '🙂', 'a'.repeat(400)])(
    'never fails to search for %j',
    (typed) => {
      const db = freshDatabase();
      saveEntry(db, makeEntry({ id: 'x', title: 'Not arrived' }), { author: 't', summary: 't' });
      expect(() => createSearch(db).search(typed)).not.toThrow();
    },
  );
});
