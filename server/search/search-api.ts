import { Router } from 'express';
import { validate } from '../http/validate.ts';
import type { Search } from './search.ts';
import { searchParamsSchema } from './search-params.ts';

export function searchApi(search: Search) {
  const router = Router();

  router.get('/search', (req, res) => {
    const params = validate(searchParamsSchema, req.query);
    const found = search.search(params.q, {
      category: params.category,
      kind: params.kind,
      language: params.lang,
      limit: params.limit,
    });
    res.json({
      query: found.query,
      total: found.total,
      tookMs: found.tookMs,
      results: found.results.map(({ id, title, kind, category, status, score, snippet, url }) => ({
        id, title, kind, category, status, score, snippet, url,
      })),
    });
  });

  return router;
}
