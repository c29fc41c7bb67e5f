// CSRF: every POST (PUT, PATCH, DELETE) must carry `_csrf` — a form field, or the x-csrf-token header for
// multipart uploads and scripts — equal to the request's token (see plugins/session.ts), else a 403 page.
// A route can opt out with `config: { csrf: false }`. The JSON API (`config: { api: true }`) is exempt: its callers
// are their bearer token, and the cookies a browser would send along are ignored there (see web/api/bearer-auth.ts).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  if (typeof field === 'string') return field;
  // @fastify/multipart with attachFieldsToBody puts { value } objects in the body.
  if (field && typeof field === 'object' && typeof (field as { value?: unknown }).value === 'string') {
    return (field as { value: string }).value;
  }
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function setUpCsrf(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (!UNSAFE.has(request.method) || config?.csrf === false || config?.api === true) return;
    const submitted = submittedToken(request);
    if (submitted && request.csrfToken && sameToken(submitted, request.csrfToken)) return;
    request.log.warn({ route: request.routeOptions.url }, 'CSRF token missing or wrong');
    return reply.code(403).view('pages/errors/403.njk', {
      pageTitle: 'Your form could not be sent',
      message: 'The form had expired or did not come from this service. Go back, reload the page and try again.',
    });
  });
}
