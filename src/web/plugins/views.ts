// Nunjucks views: our templates first, then GOV.UK Frontend's and MOJ Frontend's. Every page gets the service's
// and its operator's names (globals), and the CSP nonce, the signed-in user, the CSRF token and the current path
// through reply.locals.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import view from '@fastify/view';
import nunjucks from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';
import { frontendDirs } from './assets.ts';
import { formatDate, formatPeriod } from '../format.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Merged into every template's context by @fastify/view. */
    locals: Record<string, unknown>;
  }
}

/** The names the header, footer and page titles show: this service is not on GOV.UK and carries no GOV.UK brand. */
export type Branding = Pick<Config, 'serviceName' | 'operatorName' | 'operatorUrl'>;

const viewsDir = fileURLToPath(new URL('../views/', import.meta.url));

/** `cacheTemplates`: compile each template once (everywhere but NODE_ENV=development). */
export async function setUpViews(app: FastifyInstance, services: Services, cacheTemplates: boolean, branding: Branding): Promise<void> {
  await app.register(view, {
    engine: { nunjucks },
    templates: [viewsDir, frontendDirs.govuk, frontendDirs.moj],
    production: cacheTemplates,
    options: {
      autoescape: true,
      throwOnUndefined: false,
      noCache: !cacheTemplates,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('date', formatDate);
        env.addFilter('period', formatPeriod);
        env.addGlobal('serviceName', branding.serviceName);
        env.addGlobal('operatorName', branding.operatorName);
        env.addGlobal('operatorUrl', branding.operatorUrl);
      },
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    reply.locals = {
      ...reply.locals,
      cspNonce: reply.cspNonce?.script,
      user: request.user,
      // What the header offers: decided by the services, as every other right is.
      navigation: { portfolio: services.portfolio.has(request.user), admin: services.accounts.admin.administers(request.user) },
      csrfToken: request.csrfToken,
      currentPath: path,
    };
  });
}
