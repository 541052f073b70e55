import { Router } from 'express';
import { visibleStatuses } from '../entries/visible-entry.ts';

import { listCategories } from '../categories/category-queries.ts';
import type { Db } from '../db/connection.ts';
import { recentEntries } from '../entries/entry-queries.ts';
import { listGuides } from '../guides/guide-queries.ts';
import { pathsFor } from '../onboarding/onboarding-service.ts';
import { readerPaths } from '../onboarding/onboarding-view.ts';

export function homeRoutes(db: Db) {
  const router = Router();

  router.get('/', (_req, res) => {
    const statuses = visibleStatuses(res.locals.user);
    const categories = listCategories(db, statuses);
    res.render('home/home', {
      title: 'Plan B',
      isHome: true,
      // What this reader may see, not every row: drafts and archived entries are not counted for agents.
      entryCount: categories.reduce((sum, c) => sum + c.entryCount, 0),
      categories,
      recent: recentEntries(db, 8, statuses),
      guides: listGuides(db),
      startPaths: readerPaths(pathsFor(db, res.locals.user)),
    });
  });

  return router;
}
