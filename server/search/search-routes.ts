import { Router } from 'express';
import { visibleStatuses } from '../entries/visible-entry.ts';

import type { User } from '../people/user.ts';
import { listCategories } from '../categories/category-queries.ts';
import type { Db } from '../db/connection.ts';
import { ENTRY_KINDS } from '../entries/entry.ts';
import { listLanguages } from '../entries/entry-queries.ts';
import { validate } from '../http/validate.ts';
import { filtersOf, loggedFilters } from './query/search-filters.ts';
import { logOpened, logSearch } from './search-log.ts';
import type { Search, SearchHit } from './types.ts';
import { openParamsSchema, searchParamsSchema, type SearchParams } from './query/search-params.ts';

export function searchRoutes(search: Search, db: Db) {
  const router = Router();

  // The results page, or with fragment=1 only its results (for the as-you-type script).
  // The fragment follows typing: it answers by words at once; the page is a settled search.
  router.get('/search', async (req, res) => {
    const params = validate(searchParamsSchema, req.query);
    const hasQuery = params.q.trim().length > 0;
    const user = res.locals.user;
    const filters = filtersOf(params, 50, user);
    const found = params.fragment || params.instant ? search.search(params.q, filters) : await search.settled(params.q, filters);
    const source = params.fragment ? 'as-you-type' : 'page';
    const logged = user && { query: params.q, filters: loggedFilters(params), resultCount: found.total, tookMs: found.tookMs, source, user: user.name } as const;
    const logId = hasQuery && logged ? logSearch(db, logged, params.session) : null;
    const view = {
      q: params.q,
      found,
      hasQuery,
      logId,
      suggestionUrl: found.didYouMean && searchUrl(params, found.didYouMean),
      // Nothing found: the agent can turn the customer's words into a proposed entry at once.
      proposeQuery: new URLSearchParams({ title: params.q, phrasing: params.q }).toString(),
      fragment: params.fragment,
      ...closeAndLoose(found.results),
    };
    if (params.fragment) return res.render('partials/search-results', { ...view, layout: false });
    res.render('search/results', { ...view, title: hasQuery ? req.t('search.title', { query: params.q }) : req.t('search.button'), filters: filterChoices(db, params, user) });
  });

  // A result's link: records which entry was opened from which search, then shows it.
  router.get('/search/open/:logId/:entryId', (req, res) => {
    const { logId, entryId } = validate(openParamsSchema, req.params);
    if (res.locals.user) logOpened(db, logId, entryId, res.locals.user.name);
    res.redirect(303, `/entries/${entryId}`);
  });

  return router;
}

/**
 * A close match scores at least 40% of the best and holds more than half of the query's meaningful
 * words. The rest only share a word or two with the search: they are kept as loosely related, and
 * only close matches are counted, so "can you deliver on sunday" says nothing fits rather than
 * "14 entries match".
 */
const CLOSE_SHARE = 0.4;
const CLOSE_COVERAGE = 0.5;

function closeAndLoose(results: SearchHit[]) {
  const best = results[0]?.score ?? 0;
  const isClose = (r: SearchHit) => r.score >= best * CLOSE_SHARE && r.coverage > CLOSE_COVERAGE;
  return { close: results.filter(isClose), loose: results.filter((r) => !isClose(r)) };
}

function filterChoices(db: Db, params: SearchParams, reader: User | null) {
  const selected = (value: string | undefined, option: string) => value === option;
  return {
    categories: listCategories(db, visibleStatuses(reader)).map((c) => ({ ...c, selected: selected(params.category, c.name) || selected(params.category, c.slug) })),
    kinds: ENTRY_KINDS.map((k) => ({ value: k, selected: params.kind === k })),
    languages: listLanguages(db).map((l) => ({ value: l, selected: params.lang === l })),
    active: Boolean(params.category || params.kind || params.lang),
  };
}

function searchUrl(params: SearchParams, q: string): string {
  const query = new URLSearchParams({ q });
  if (params.category) query.set('category', params.category);
  if (params.kind) query.set('kind', params.kind);
  if (params.lang) query.set('lang', params.lang);
  return `/search?${query}`;
}
