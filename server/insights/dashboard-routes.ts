import { Router } from 'express';
import { requirePermission } from '../accounts/permissions.ts';
import type { Db } from '../db/connection.ts';
import { listGaps } from '../gaps/gap-queries.ts';
import { countPendingProposals } from '../review/proposal-queries.ts';
import { searchesPerDay } from './search-stats.ts';
import { overdueEntries } from './stale-entries.ts';
import { barChart, columnChart } from './svg-charts.ts';

const DAYS = 30;

/** The leads' dashboard: how search is going, what is missing, what needs attention. */
export function dashboardRoutes(db: Db) {
  const router = Router();

  router.get('/dashboard', (_req, res) => {
    requirePermission(res.locals.user, 'seeInsights');
    const days = searchesPerDay(db, DAYS);
    const searches = days.reduce((n, d) => n + d.searches, 0);
    const empty = days.reduce((n, d) => n + d.empty, 0);
    const gaps = listGaps(db, 8);
    const stale = overdueEntries(db);
    res.render('insights/dashboard', {
      title: 'Dashboard',
      figures: {
        searches,
        zeroResultRate: searches ? `${Math.round((empty / searches) * 100)}%` : '—',
        waitingForReview: countPendingProposals(db),
        overdue: stale.length,
      },
      searchChart: columnChart(
        days.map((d) => ({ label: d.day.slice(5), value: d.searches, highlighted: d.empty })),
        { title: `Searches per day over the last ${DAYS} days; the orange part found nothing` },
      ),
      gapChart: gaps.length
        ? barChart(gaps.map((g) => ({ label: g.query, value: g.searches, note: g.empty ? `${g.searches} (${g.empty} empty)` : String(g.searches) })), { title: 'Top content gaps' })
        : null,
      stale: stale.slice(0, 10),
    });
  });

  return router;
}
