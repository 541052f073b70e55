import { Router } from 'express';
import type { Db } from '../db/connection.ts';
import { validate } from '../http/validate.ts';
import { filtersOf, loggedFilters } from './query/search-filters.ts';
import { logSearch } from './search-log.ts';
import type { Search } from './types.ts';
import { searchParamsSchema } from './query/search-params.ts';

export function searchApi(search: Search, db: Db) {
  const router = Router();

  router.get('/search', async (req, res) => {
    const params = validate(searchParamsSchema, req.query);
    const user = res.locals.user;
    const filters = filtersOf(params, params.limit, user);
    const found = params.instant ? search.search(params.q, filters) : await search.settled(params.q, filters);
    if (params.q.trim() && user) {
      logSearch(db, {
        query: params.q, filters: loggedFilters(params), resultCount: found.total, tookMs: found.tookMs, source: 'api', user: user.name,
      });
    }
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
