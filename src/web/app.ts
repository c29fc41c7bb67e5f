// The web application. Plugins are set up in the order of hmpps-template-typescript: health → security →
// session (cookies) → form parsing → static assets → views → auth → csrf → routes → 404 and error handler.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import { recordAccessRules, setUpAccess } from './plugins/access.ts';
import { setUpHealth } from './plugins/health.ts';
import { setUpSecurity } from './plugins/security.ts';
import { setUpSession } from './plugins/session.ts';
import { setUpPageCache } from './plugins/page-cache.ts';
import { setUpForms } from './plugins/forms.ts';
import { setUpAssets } from './plugins/assets.ts';
import { setUpViews } from './plugins/views.ts';
import { setUpAuth } from './plugins/auth.ts';
import { setUpCsrf } from './plugins/csrf.ts';
import { setUpErrors } from './plugins/errors.ts';
import { signInRoutes } from './routes/sign-in/index.ts';
import { homeRoutes } from './routes/home/index.ts';
import { planRoutes } from './routes/plans/index.ts';
import { publicRoutes } from './routes/public/index.ts';
import { calendarRoutes } from './routes/calendar/index.ts';
import { reminderRoutes } from './routes/reminders/index.ts';
import { importRoutes } from './routes/import/index.ts';
import { planEditingRoutes } from './routes/plan-editing/index.ts';
import { commitmentRoutes } from './routes/commitments/index.ts';
import { milestoneRoutes } from './routes/milestones/index.ts';
import { kpiRoutes } from './routes/kpis/index.ts';
import { evidenceRoutes } from './routes/evidence/index.ts';
import { reviewRoutes } from './routes/reviews/index.ts';
import { exportRoutes } from './routes/exports/index.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { accessibilityRoutes } from './routes/accessibility/index.ts';
import { setUpAccessAudit } from './plugins/audit-access.ts';
import { apiRoutes, setUpApiAuth } from './api/index.ts';
import { accountRoutes } from './routes/account/index.ts';
import { portfolioRoutes } from './routes/portfolio/index.ts';

export interface AppOptions {
  services: Services;
  config: Config;
  /** false: no logs; a stream: logs go there (tests); default: stdout at config.logLevel. */
  logger?: false | { stream?: DestinationStream; level?: string };
}

/** Never written to the logs: cookies (session tokens), CSRF tokens and passwords wherever they appear. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'password',
  '*.password',
  '*._csrf',
  'body',
  '*.body',
];

export async function buildApp({ services, config, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : { level: logger?.level ?? config.logLevel, stream: logger?.stream, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // validation.ts marks each text field with the kind of text it holds, for its too-long message.
    ajv: { customOptions: { keywords: ['x-field-kind'] } },
  });

  // First, so that every route registered after it (all but the static files) must state its access rule.
  recordAccessRules(app, { assetPrefixes: ['/assets/', '/public/'] });
  await setUpHealth(app, services);
  await setUpSecurity(app, config);
  await setUpSession(app, services, config);
  // A page this person has had at this content version today is answered here (plugins/page-cache.ts).
  await setUpPageCache(app, services, config.pageCacheMb ?? 32);
  await setUpForms(app);
  await setUpAssets(app, config.production);
  // Compiled templates are cached unless NODE_ENV=development: `npm start` is fast by default.
  await setUpViews(app, services, !config.development, config);
  await setUpAuth(app);
  // API callers are their bearer token, never their cookies: decided before the access check.
  await setUpApiAuth(app, services);
  await setUpAccess(app, services);
  await setUpCsrf(app);
  await setUpAccessAudit(app, services);

  // Set before the routes are registered so that every route plugin inherits them.
  await setUpErrors(app, config.development);

  const deps = { services, config };
  await app.register(signInRoutes, deps);
  await app.register(homeRoutes, deps);
  await app.register(planRoutes, deps);
  await app.register(publicRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(reminderRoutes, deps);
  await app.register(importRoutes, deps);
  await app.register(planEditingRoutes, deps);
  await app.register(commitmentRoutes, deps);
  await app.register(milestoneRoutes, deps);
  await app.register(kpiRoutes, deps);
  await app.register(evidenceRoutes, deps);
  await app.register(reviewRoutes, deps);
  await app.register(exportRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(accessibilityRoutes, deps);
  await app.register(accountRoutes, deps);
  await app.register(portfolioRoutes, deps);
  await app.register(apiRoutes, deps);
  return app;
}
