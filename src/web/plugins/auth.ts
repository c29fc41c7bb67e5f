// Authentication for routes: `app.requireUser` as a preHandler sends signed-out visitors to the sign-in page
// (saying so when their session has expired) and brings them back afterwards.
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

export async function setUpAuth(app: FastifyInstance): Promise<void> {
  app.decorate('requireUser', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.user) return;
    const returnTo = request.method === 'GET' ? safeReturnPath(request.url) : '/';
    await reply.redirect(signInUrl(returnTo, request.sessionExpired));
  });
}
