import cookieParser from 'cookie-parser';
import express from 'express';
import { accountApi } from './accounts/account-api.ts';
import { accountRoutes } from './accounts/account-routes.ts';
import { adminRoutes } from './accounts/admin-routes.ts';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { categoryRoutes } from './categories/category-routes.ts';
import { contributeApi } from './contribute/contribute-api.ts';
import { editorRoutes } from './contribute/editor-routes.ts';
import { entryApi } from './entry-page/entry-api.ts';
import { entryPageRoutes, showEntry } from './entry-page/entry-page.ts';
import { gapApi } from './gaps/gap-api.ts';
import { gapRoutes } from './gaps/gap-routes.ts';
import { feedbackApi } from './feedback/feedback-api.ts';
import { feedbackRoutes } from './feedback/feedback-routes.ts';
import { flagApi } from './flags/flag-api.ts';
import { flagRoutes } from './flags/flag-routes.ts';
import { freshnessApi } from './freshness/freshness-api.ts';
import { freshnessRoutes } from './freshness/freshness-routes.ts';
import { translationApi, translationRoutes } from './translations/translation-routes.ts';
import { guideRoutes } from './guides/guide-routes.ts';
import { homeRoutes } from './home/home-routes.ts';
import { onboardingApi } from './onboarding/onboarding-api.ts';
import { onboardingRoutes } from './onboarding/onboarding-routes.ts';
import { dashboardRoutes } from './insights/dashboard-routes.ts';
import { reviewApi } from './review/review-api.ts';
import { reviewRoutes } from './review/review-routes.ts';
import { revisionApi } from './revisions/revision-api.ts';
import { revisionRoutes } from './revisions/revision-routes.ts';
import { errorHandler, pageNotFound } from './http/error-handlers.ts';
import { csrf } from './accounts/csrf.ts';
import { pageHeader } from './header/page-header.ts';
import { healthRoutes } from './health/health-routes.ts';
import { identify } from './accounts/identify.ts';
import './http/locals.ts';
import { requireReader } from './http/read-access.ts';
import { noStoreWhenSignedIn, securityHeaders } from './http/security-headers.ts';
import { refuseBrokenText } from './http/well-formed-input.ts';
import { auditApi } from './audit/audit-api.ts';
import { languageRoutes } from './accounts/language-routes.ts';
import { readerLanguage } from './i18n/reader-language.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { createViewEngine } from './render/view-engine.ts';
import { createSearch } from './search/search.ts';
import { searchApi } from './search/search-api.ts';
import { searchRoutes } from './search/search-routes.ts';
import { findRoutes } from './search/find/find-routes.ts';

const ROOT = join(import.meta.dirname, '..');
/** Files in public/ sit at the top level and have an extension (style.css, keyboard.js). */
const PUBLIC_FILE = /^\/[^/]+\.[a-z0-9]+$/i;

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
  // Behind a proxy, the client's address (throttling, audit) and HTTPS (Secure cookies, HSTS) come from X-Forwarded-*.
  app.set('trust proxy', config.trustProxy);
  app.locals.readOpen = config.readAccess === 'open';

  // Order matters from here to the end; each step relies on the ones above it.
  app.use(securityHeaders);
  // Static files and the health check answer before body parsing, sign-in and CSRF: they need none of it.
  // Only paths that can name a file there: any other request would cost a file-system lookup first.
  const publicFiles = express.static(join(ROOT, 'public'), { maxAge: '1h' });
  app.use((req, res, next) => (PUBLIC_FILE.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(healthRoutes(db, () => search.meaning.status()));
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(refuseBrokenText);
  app.use(cookieParser());
  // The interface language from the browser first, so even a refused token gets a page in it.
  app.use(readerLanguage);
  // Who is asking, before anything that depends on it (caching, CSRF bound to the session, permissions).
  app.use(identify(db));
  app.use(readerLanguage); // again, now that the person (and their own choice) is known
  app.use(noStoreWhenSignedIn);
  app.use(csrf);

  // Signing in and first-run setup work before anyone can read.
  app.use(accountRoutes(db));
  app.use(languageRoutes(db));
  app.use('/api', accountApi(db));
  app.use(requireReader(config.readAccess));
  app.use(pageHeader(db));

  // JSON API, before the pages: an API request then skips every page router (each mounted at /).
  app.use('/api', searchApi(search, db));
  app.use('/api', entryApi(db));
  app.use('/api', contributeApi(db));
  app.use('/api', reviewApi(db));
  app.use('/api', gapApi(db));
  app.use('/api', revisionApi(db));
  app.use('/api', flagApi(db));
  app.use('/api', feedbackApi(db));
  app.use('/api', freshnessApi(db));
  app.use('/api', auditApi(db));
  app.use('/api', onboardingApi(db));
  app.use('/api', translationApi(db));

  // Pages. onboardingRoutes notes a read on GET /entries/:id and passes on, so it comes before the entry page.
  app.use(homeRoutes(db));
  app.use(onboardingRoutes(db));
  app.use(searchRoutes(search, db));
  app.use(findRoutes(db));
  app.use(categoryRoutes(db));
  // `/entries/new` (the editor) must come before `/entries/:id` (the entry page), or "new" is read as an id.
  app.use(editorRoutes(db));
  app.use(entryPageRoutes(db));
  app.use(reviewRoutes(db));
  app.use(revisionRoutes(db));
  app.use(flagRoutes(db, (req, res, flag) => showEntry(db, req, res, { flag })));
  app.use(feedbackRoutes(db));
  app.use(freshnessRoutes(db, (req, res, verify) => showEntry(db, req, res, { verify })));
  app.use(translationRoutes(db));
  app.use(guideRoutes(db));
  app.use(gapRoutes(db, search));
  app.use(dashboardRoutes(db));
  app.use(adminRoutes(db));
  app.use(auditRoutes(db));

  // Last: whatever no route answered, then every error thrown above.
  app.use(pageNotFound);
  app.use(errorHandler);
  return app;
}
