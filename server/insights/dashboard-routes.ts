import { Router } from 'express';
import type { TFunction } from 'i18next';
import { requirePermission } from '../people/permissions.ts';
import type { Db } from '../db/connection.ts';
import { optionSuccess, type OptionSuccess } from '../feedback/feedback-queries.ts';
import { countOpenFlags, openFlags } from '../flags/flag-queries.ts';
import { flagItem } from '../flags/flag-view.ts';
import { staleEntries } from '../freshness/freshness-queries.ts';
import { today } from '../dates/days.ts';
import { listGaps } from '../gaps/gap-queries.ts';
import { countPendingProposals } from '../contribute/proposal-queries.ts';
import { searchesPerDay } from './search-stats.ts';
import { barChart, columnChart } from './svg-charts.ts';

const DAYS = 30;
/** An option needs this many reports from calls before its success rate means anything. */
const MIN_REPORTS = 3;

const rate = (o: OptionSuccess) => o.worked / (o.worked + o.failed);

function optionBars(options: OptionSuccess[], title: string, t: TFunction) {
  if (!options.length) return null;
  return barChart(
    options.map((o) => ({
      label: `${o.title} (${o.entryTitle})`,
      value: Math.round(rate(o) * 100),
      note: t('dashboard.rateOf', { rate: Math.round(rate(o) * 100), count: o.worked + o.failed }),
    })),
    { title, max: 100 },
  );
}

/** The leads' dashboard: how search is going, what is missing, what needs attention. */
export function dashboardRoutes(db: Db) {
  const router = Router();

  router.get('/dashboard', (_req, res) => {
    const lead = requirePermission(res.locals.user, 'seeInsights');
    const days = searchesPerDay(db, DAYS);
    const searches = days.reduce((n, d) => n + d.searches, 0);
    const empty = days.reduce((n, d) => n + d.empty, 0);
    const gaps = listGaps(db, 8);
    const stale = staleEntries(db, today(), lead.name);
    const ranked = optionSuccess(db, MIN_REPORTS).sort((a, b) => rate(b) - rate(a) || b.worked - a.worked);
    res.render('insights/dashboard', {
      title: res.req.t('header.dashboard'),
      figures: {
        searches,
        zeroResultRate: searches ? `${Math.round((empty / searches) * 100)}%` : '—',
        waitingForReview: countPendingProposals(db),
        openFlags: countOpenFlags(db),
        overdue: stale.length,
      },
      searchChart: columnChart(
        days.map((d) => ({ label: d.day.slice(5), value: d.searches, highlighted: d.empty })),
        { title: res.req.t('dashboard.searchChart', { count: DAYS }), highlightedLabel: res.req.t('dashboard.foundNothing') },
      ),
      gapChart: gaps.length
        ? barChart(gaps.map((g) => ({ label: g.query, value: g.searches, note: g.empty ? res.req.t('dashboard.gapNote', { searches: g.searches, empty: g.empty }) : String(g.searches) })), { title: res.req.t('dashboard.topGaps') })
        : null,
      // The top and the bottom of the ranking, never the same option in both.
      bestOptions: optionBars(ranked.slice(0, Math.min(5, Math.ceil(ranked.length / 2))), res.req.t('dashboard.bestOptions'), res.req.t),
      worstOptions: optionBars(ranked.slice(ranked.length - Math.min(5, Math.floor(ranked.length / 2))).reverse(), res.req.t('dashboard.worstOptions'), res.req.t),
      flags: openFlags(db).slice(0, 6).map(flagItem),
      stale: stale.slice(0, 8),
    });
  });

  return router;
}
