// The API's description: the OpenAPI 3.1 document, made by @fastify/swagger from the routes' own schemas, and a
// page of ours that lists the operations from that document in GOV.UK style. Both are public.
import type { FastifyInstance } from 'fastify';
import { docsView, type OpenApiDocument } from '../docs-view.ts';
import { sendRead } from '../conditional.ts';

export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  const document = () => app.swagger() as unknown as OpenApiDocument;

  app.get('/openapi.json', {
    config: { api: true, access: { public: 'the API\'s description, for anyone writing a client' } },
    schema: { hide: true },
  }, async (request, reply) => sendRead(request, reply, document()));

  app.get('/docs', {
    config: { api: true, access: { public: 'the API\'s documentation page' } },
    schema: { hide: true },
  }, async (_request, reply) => reply.view('pages/api/docs.njk', { pageTitle: 'JSON API', ...docsView(document()) }));
}
