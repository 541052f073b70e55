import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/connection.ts';
import { freshDatabase } from '../../support/database.ts';
import { startApp, type RunningApp } from '../../support/app.ts';
import { saveAll } from './fixture.ts';

// The app as the server builds it, with the model as SEARCH_MODEL says (the packaged one, or a folder).
async function appWithModel(model: string): Promise<{ db: Db; app: RunningApp }> {
  const before = { ...process.env };
  process.env.SEARCH_MODEL = model;
  // Generous on a loaded test machine; the default (50 ms) is for serving.
  process.env.SEARCH_QUERY_WAIT_MS = '60000';
  try {
    const db = freshDatabase();
    saveAll(db);
    return { db, app: await startApp(db, { readAccess: 'open' }) };
  } finally {
    process.env = before;
  }
}

/** Polls /healthz until every entry has its vectors (the encoder works in the background). */
async function vectorsReady(app: RunningApp): Promise<void> {
  for (;;) {
    const { vectors } = (await app.json('/healthz')).body;
    if (vectors.done === vectors.total || vectors.error) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ids = (body: { results: { id: string }[] }) => body.results.map((r) => r.id);

describe('meaning-aware search over HTTP', () => {
  let app: RunningApp;
  beforeAll(async () => {
    ({ app } = await appWithModel(''));
    await vectorsReady(app);
  }, 120_000);
  afterAll(() => app.close());

  it('reports vector progress on /healthz', async () => {
    expect((await app.json('/healthz')).body.vectors).toEqual({ done: 5, total: 5 });
  });

  it('re-ranks the API and the results page by meaning; the as-you-type paths stay by words', async () => {
    expect(ids((await app.json('/api/search?q=reimbursement')).body)).toEqual(['request-refund']);
    expect(ids((await app.json('/api/search?q=reimbursement&instant=1')).body)).toEqual([]);
    const page = await app.page('/search?q=reimbursement');
    expect(page.html.querySelectorAll('a[href*="request-refund"]').length).toBeGreaterThan(0);
    const fragment = await app.page('/search?q=reimbursement&fragment=1');
    expect(fragment.html.querySelectorAll('a[href*="request-refund"]')).toHaveLength(0);
  });

  it('says what is wrong with instant', async () => {
    expect(await app.json('/api/search?q=refund&instant=yes')).toMatchObject({ status: 400, body: { field: 'instant' } });
  });
});

describe('meaning-aware search with the model missing', () => {
  let app: RunningApp;
  beforeAll(async () => {
    ({ app } = await appWithModel('/nonexistent/model-folder'));
    await vectorsReady(app);
  }, 120_000);
  afterAll(() => app.close());

  it('answers by words and says why on /healthz', async () => {
    const { status, body } = await app.json('/api/search?q=refund%20my%20order');
    expect(status).toBe(200);
    expect(ids(body)[0]).toBe('request-refund');
    expect((await app.json('/api/search?q=reimbursement')).body.results).toEqual([]);
    expect((await app.json('/healthz')).body.vectors).toMatchObject({ done: 0, total: 5, error: expect.stringContaining('model.json') });
  });
});
