import express from 'express';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { categoryRoutes } from './categories/category-routes.ts';
import { entryApi } from './entries/entry-api.ts';
import { entryRoutes } from './entries/entry-routes.ts';
import { guideRoutes } from './guides/guide-routes.ts';
import { homeRoutes } from './home/home-routes.ts';
import { errorHandler, pageNotFound } from './http/error-handlers.ts';
import { healthRoutes } from './http/health-routes.ts';
import { createViewEngine } from './render/view-engine.ts';
import { createSearch } from './search/search.ts';
import { searchApi } from './search/search-api.ts';
import { searchRoutes } from './search/search-routes.ts';

const ROOT = join(import.meta.dirname, '..');

export interface AppContext {
  db: Db;
  config: Config;
}

/** Builds the app; it does not listen (server/main.ts does). */
export function createApp({ db, config }: AppContext) {
  const app = express();
  const search = createSearch(db);
  const views = join(ROOT, 'views');
  app.engine('hbs', createViewEngine(views));
  app.set('view engine', 'hbs');
  app.set('views', views);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');

  app.use(express.static(join(ROOT, 'public'), { maxAge: '1h' }));
  app.use(express.json({ limit: '1mb' }));
  app.locals.readAccess = config.readAccess;

  // Pages
  app.use(homeRoutes(db));
  app.use(searchRoutes(search, db));
  app.use(categoryRoutes(db));
  app.use(entryRoutes(db));
  app.use(guideRoutes(db));

  // JSON API
  app.use('/api', searchApi(search, db));
  app.use('/api', entryApi(db));
  app.use(healthRoutes(db));

  app.use(pageNotFound);
  app.use(errorHandler);
  return app;
}
