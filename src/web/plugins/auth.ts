// Authentication for routes: `app.requireUser` as a preHandler sends signed-out visitors to the sign-in page
// (saying so when their session has expired) and brings them back afterwards. Every response to a signed-in
// request (pages, downloads, evidence files, previews) says `Cache-Control: no-store`, so neither the browser nor
// a proxy keeps a copy: after signing out, Back asks the server again and meets the sign-in page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** A local path to return to after signing in; anything else (other sites, "//host") becomes "/". */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

export function signInUrl(returnTo: string, expired: boolean): string {
  const query = new URLSearchParams();
  if (returnTo !== '/') query.set('returnTo', returnTo);
  if (expired) query.set('expired', '1');
  const text = query.toString();
  return text ? `/sign-in?${text}` : '/sign-in';
}

/** Whether a Cache-Control header value already forbids storing the response. */
function forbidsStoring(value: unknown): boolean {
  return /(^|[\s,])no-store($|[\s,])/i.test(Array.isArray(value) ? value.join(',') : String(value ?? ''));
}

export async function setUpAuth(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.user && !forbidsStoring(reply.getHeader('cache-control'))) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.decorate('requireUser', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.user) return;
    const returnTo = request.method === 'GET' ? safeReturnPath(request.url) : '/';
    await reply.redirect(signInUrl(returnTo, request.sessionExpired));
  });
}
