// Static assets: GOV.UK Frontend and MOJ Frontend (fonts, images, compiled CSS and JS) under /assets,
// this service's own small stylesheet under /public.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const require = createRequire(import.meta.url);

export const frontendDirs = {
  /** Holds govuk/ (templates, assets, compiled CSS/JS). */
  govuk: join(dirname(require.resolve('govuk-frontend/package.json')), 'dist'),
  /** Holds moj/. */
  moj: dirname(require.resolve('@ministryofjustice/frontend/package.json')),
};

const SERVED = /\.(css|js|mjs|map|woff2?|svg|png|ico|json)$/;

export async function setUpAssets(app: FastifyInstance, production: boolean): Promise<void> {
  const maxAge = production ? '1d' : 0;
  await app.register(fastifyStatic, {
    prefix: '/assets/',
    root: [
      join(frontendDirs.govuk, 'govuk', 'assets'),
      join(frontendDirs.moj, 'moj', 'assets'),
      join(frontendDirs.govuk, 'govuk'),
      join(frontendDirs.moj, 'moj'),
    ],
    allowedPath: (pathName) => SERVED.test(pathName) && !pathName.includes('..'),
    index: false,
    list: false,
    maxAge,
  });
  await app.register(fastifyStatic, {
    prefix: '/public/',
    root: fileURLToPath(new URL('../public/', import.meta.url)),
    decorateReply: false,
    index: false,
    maxAge,
  });
}
