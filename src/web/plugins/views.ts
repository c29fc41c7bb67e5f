// Nunjucks views: our templates first, then GOV.UK Frontend's and MOJ Frontend's. Every page gets the CSP nonce,
// the signed-in user, the CSRF token and the current path through reply.locals.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import view from '@fastify/view';
import nunjucks from 'nunjucks';
import { frontendDirs } from './assets.ts';
import { formatDate, formatPeriod } from '../format.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Merged into every template's context by @fastify/view. */
    locals: Record<string, unknown>;
  }
}

export const SERVICE_NAME = 'Improvement Tracker';

const viewsDir = fileURLToPath(new URL('../views/', import.meta.url));

/** `cacheTemplates`: compile each template once (everywhere but NODE_ENV=development). */
export async function setUpViews(app: FastifyInstance, cacheTemplates: boolean): Promise<void> {
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
      },
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    reply.locals = {
      ...reply.locals,
      serviceName: SERVICE_NAME,
      cspNonce: reply.cspNonce?.script,
      user: request.user,
      csrfToken: request.csrfToken,
      currentPath: path,
    };
  });
}
