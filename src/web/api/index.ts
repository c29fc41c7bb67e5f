// The JSON API under /api/v1: bearer-token callers (see bearer-auth.ts), TypeBox schemas on every route, RFC 9457
// problems for every refusal and error, ETags and If-Match, and an OpenAPI 3.1 document of these routes only
// (@fastify/swagger is registered inside this plugin, so it sees no page routes).
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { Services } from '../../services/index.ts';
import { setUpApiErrors } from './problems.ts';
import { apiReadRoutes } from './routes/read-routes.ts';
import { apiWriteRoutes } from './routes/write-routes.ts';
import { apiDocsRoutes } from './routes/docs-routes.ts';
import { API_PREFIX } from './bearer-auth.ts';

export { setUpApiAuth } from './bearer-auth.ts';

const DESCRIPTION = [
  'Read a plan\'s commitments, milestones, KPIs and review updates, and record progress, as the user who made the token.',
  'Send the token as `Authorization: Bearer <token>` (make one on your account page).',
  'Every read has an ETag; send it back in If-None-Match to get 304 when nothing changed, and in If-Match on every change (412 when it is stale, 428 when missing).',
  'Lists are paged (`limit`, and `cursor` from the `next` link) and take `changedSince`. Errors are RFC 9457 problem details.',
].join(' ');

async function api(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Improvement Tracker API', version: '1.0.0', description: DESCRIPTION },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token made on the account page' } },
      },
      security: [{ bearer: [] }],
    },
  });
  setUpApiErrors(app);
  await app.register(apiReadRoutes, { services });
  await app.register(apiWriteRoutes, { services });
  await app.register(apiDocsRoutes);
}

export async function apiRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  await app.register(api, { prefix: API_PREFIX, services });
}
