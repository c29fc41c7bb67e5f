// Static assets: GOV.UK Frontend and MOJ Frontend (images, compiled CSS and JS) under /assets, this service's own
// small stylesheet and icon under /public. This service is not on GOV.UK, so GOV.UK's own brand is not served: no
// GDS Transport font files, no crown icons or GOV.UK manifest, and the stylesheets use a system font instead.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { frontendSheets, serveWithSystemFont } from './frontend-styles.ts';

const require = createRequire(import.meta.url);

export const frontendDirs = {
  /** Holds govuk/ (templates, assets, compiled CSS/JS). */
  govuk: join(dirname(require.resolve('govuk-frontend/package.json')), 'dist'),
  /** Holds moj/. */
  moj: dirname(require.resolve('@ministryofjustice/frontend/package.json')),
};

const SERVED = /\.(css|js|mjs|map|svg|png|ico|json)$/;
/** GOV.UK's brand among GOV.UK Frontend's assets: the GDS Transport font, the crown icons, the GOV.UK manifest. */
const GOVUK_BRAND = /(^|\/)(fonts\/|images\/(favicon|govuk-)|manifest\.json$)/;

export async function setUpAssets(app: FastifyInstance, production: boolean): Promise<void> {
  const maxAge = production ? '1d' : 0;
  serveWithSystemFont(app, frontendSheets(frontendDirs), production ? 86_400 : 0);
  await app.register(fastifyStatic, {
    prefix: '/assets/',
    root: [
      join(frontendDirs.govuk, 'govuk', 'assets'),
      join(frontendDirs.moj, 'moj', 'assets'),
      join(frontendDirs.govuk, 'govuk'),
      join(frontendDirs.moj, 'moj'),
    ],
    allowedPath: (pathName) => SERVED.test(pathName) && !GOVUK_BRAND.test(pathName) && !pathName.includes('..'),
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
