// Where signing in starts and returns to (the access check in plugins/access.ts sends signed-out visitors there,
// saying so when their session has expired, and they are brought back afterwards). Every response to a signed-in
// request (pages, downloads, evidence files, previews) says `Cache-Control: no-store`, so neither the browser nor
// a proxy keeps a copy: after signing out, Back asks the server again and meets the sign-in page.
import type { FastifyInstance } from 'fastify';

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
    // An API read says itself how a client may keep it (private, revalidated with its ETag).
    const apiChose = request.routeOptions.config?.api && reply.hasHeader('cache-control');
    if (request.user && !apiChose && !forbidsStoring(reply.getHeader('cache-control'))) reply.header('cache-control', 'no-store');
    return payload;
  });
}
