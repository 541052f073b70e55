import { describe, expect, it } from 'vitest';
import { EditConflict } from '../../server/entries/edit-conflict.ts';
import type { StoredEntry } from '../../server/entries/entry-queries.ts';
import {
  Busy, Conflict, Forbidden, Gone, Invalid, isCorrectable, NotFound, TooManyAttempts, Unauthenticated,
} from '../../server/errors/domain-errors.ts';
import { statusOf } from '../../server/http/error-handlers.ts';

describe('domain errors and their HTTP statuses (chosen in one place)', () => {
  it('gives each kind its status, subclasses included', () => {
    const stored = { entry: { title: 't' }, revision: 3 } as unknown as StoredEntry;
    const cases: [Error & { field?: string }, number][] = [
      [new Invalid('bad', 'title'), 400],
      [new Unauthenticated(), 401],
      [new Forbidden('no'), 403],
      [new NotFound(), 404],
      [new Conflict('moved on'), 409],
      [new EditConflict(stored, stored.entry), 409],
      [new Gone('used'), 410],
      [new TooManyAttempts('slow down', 30), 429],
      [new Busy('busy'), 503],
    ];
    expect(cases.map(([error]) => statusOf(error as never))).toEqual(cases.map(([, status]) => status));
  });

  it('tells what a form shows again (input a person can correct) from what goes to the error page', () => {
    expect(isCorrectable(new Invalid('bad'))).toBe(true);
    expect(isCorrectable(new Conflict('moved on'))).toBe(true);
    expect(isCorrectable(new TooManyAttempts('slow down', 30))).toBe(true);
    expect(isCorrectable(new Unauthenticated('wrong password', 'password'))).toBe(true);
    expect(isCorrectable(new NotFound('No such entry', 'entry'))).toBe(true);
    expect(isCorrectable(new Unauthenticated())).toBe(false);
    expect(isCorrectable(new NotFound())).toBe(false);
    expect(isCorrectable(new Forbidden('no'))).toBe(false);
    expect(isCorrectable(new Gone('used'))).toBe(false);
    expect(isCorrectable(new Error('bug'))).toBe(false);
  });

  it('carries what API callers need: the field, both versions, Retry-After', () => {
    expect(new Invalid('bad', 'title').field).toBe('title');
    expect(new Conflict('moved on', 'baseRevision', { current: 1 }).details).toEqual({ current: 1 });
    expect(new TooManyAttempts('slow down', 30).headers).toEqual({ 'Retry-After': '30' });
  });
});
