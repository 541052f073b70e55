import { Router } from 'express';
import { listCategories } from '../categories/category-queries.ts';
import type { Db } from '../db/connection.ts';
import { ENTRY_KINDS } from '../entries/entry.ts';
import { listLanguages } from '../entries/entry-queries.ts';
import { validate } from '../http/validate.ts';
import type { Search } from './search.ts';
import { searchParamsSchema } from './search-params.ts';

export function searchRoutes(search: Search, db: Db) {
  const router = Router();

  router.get('/search', (req, res) => {
    const params = validate(searchParamsSchema, req.query);
    const found = search.search(params.q, {
      category: params.category,
      kind: params.kind,
      language: params.lang,
      limit: 50,
    });
    const selected = (value: string | undefined, option: string) => value === option;
    res.render('search/results', {
      title: params.q ? `${params.q} – search` : 'Search',
      q: params.q,
      found,
      hasQuery: params.q.trim().length > 0,
      filters: {
        categories: listCategories(db).map((c) => ({ ...c, selected: selected(params.category, c.name) || selected(params.category, c.slug) })),
        kinds: ENTRY_KINDS.map((k) => ({ value: k, label: k === 'common' ? 'Common' : 'Unusual', selected: params.kind === k })),
        languages: listLanguages(db).map((l) => ({ value: l, selected: params.lang === l })),
        active: Boolean(params.category || params.kind || params.lang),
      },
    });
  });

  return router;
}
