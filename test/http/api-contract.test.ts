import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededApp, type RunningApp } from '../support/app.ts';

let app: RunningApp;
beforeAll(async () => {
  ({ app } = await startSeededApp({ readAccess: 'open' }));
});
afterAll(() => app.close());

describe('GET /api/search', () => {
  it('answers in the contract shape, best first', async () => {
    const { status, body } = await app.json('/api/search?q=parcel+late');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['query', 'total', 'tookMs', 'results']);
    expect(body.query).toBe('parcel late');
    expect(body.total).toBe(1);
    expect(body.results[0]).toEqual({
      id: 'late-parcel',
      title: 'My parcel is late',
      kind: 'common',
      category: 'Delivery',
      status: 'vetted',
      score: expect.any(Number),
      snippet: expect.stringContaining('<mark>'),
      url: '/entries/late-parcel',
    });
  });

  it('applies limit, category, kind and lang', async () => {
    expect((await app.json('/api/search?q=parcel+charged+boat&limit=1')).body.results).toHaveLength(1);
    expect((await app.json('/api/search?q=parcel+charged+boat&category=Billing+and+payments')).body.results.map((r: any) => r.id)).toEqual(['charged-twice']);
    expect((await app.json('/api/search?q=parcel+charged+boat&kind=unusual')).body.results.map((r: any) => r.id)).toEqual(['boat-delivery']);
    expect((await app.json('/api/search?q=parcel&lang=it')).body.total).toBe(0);
  });

  it.each([
    ['limit=abc', 'limit', /number/],
    ['limit=0', 'limit', /between 1 and 50/],
    ['limit=500', 'limit', /between 1 and 50/],
    ['kind=odd', 'kind', /common or unusual/],
    ['q=a&q=b', 'q', /once/],
  ])('refuses %s with a 400 naming the field', async (query, field, message) => {
    const { status, body } = await app.json(`/api/search?${query}`);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.error).toMatch(message);
  });

  it('answers an empty query with no results', async () => {
    expect((await app.json('/api/search?q=')).body).toMatchObject({ total: 0, results: [] });
  });
});

describe('GET /api/entries/:id', () => {
  it('returns the whole entry with its revision', async () => {
    const { status, body } = await app.json('/api/entries/late-parcel');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'late-parcel',
      title: 'My parcel is late',
      kind: 'common',
      category: 'Delivery',
      tags: ['shipping', 'delay'],
      language: 'en',
      status: 'vetted',
      owner: 'amara',
      reviewBy: '2027-03-01',
      phrasings: ['where is my package'],
      revision: 1,
      url: '/entries/late-parcel',
    });
    expect(body.solutions.map((o: any) => o.title)).toEqual(['Trace the parcel', 'Reship at our cost']);
    expect(body.alternatives[0]).toEqual({ title: 'Offer a pickup point', body: 'Closer and faster.' });
    expect(body.timeline).toBe('A new date within **2 working days**.');
  });

  it('is a JSON 404 for an unknown id', async () => {
    expect(await app.json('/api/entries/nope')).toEqual({ status: 404, body: { error: 'No such entry' } });
  });
});

describe('errors and health', () => {
  it('answers unknown API paths and JSON-accepting clients with JSON', async () => {
    expect(await app.json('/api/nothing-here')).toEqual({ status: 404, body: { error: 'No such page' } });
    expect(await app.json('/no/such/page')).toEqual({ status: 404, body: { error: 'No such page' } });
  });

  it('reports health with the entry count and change sequence', async () => {
    const { status, body } = await app.json('/healthz');
    expect(status).toBe(200);
    // The tests run without the sentence model: no entry has vectors (the archived one needs none).
    expect(body).toEqual({ status: 'ok', entries: 4, changeSeq: 6, vectors: { done: 0, total: 3, error: expect.any(String) } });
  });
});
