// Upload routes decide who may send before reading what is sent. Multipart bodies are read in preValidation, after
// the preHandler checks would run, so these checks run as the route's onRequest hooks, where the body is untouched:
// a signed-out visitor or a user without the right is answered after the first bytes, never after the whole file.
import type { FastifyReply, FastifyRequest } from 'fastify';

const WHOLE_NUMBER = /^[1-9]\d{0,9}$/;

/** The route's parameters as whole numbers (what its schema gives the handler later), or null if one is not. */
function numericParams(request: FastifyRequest): Record<string, number> | null {
  const numbers: Record<string, number> = {};
  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string' || !WHOLE_NUMBER.test(value) || Number(value) > 2147483647) return null;
    numbers[name] = Number(value);
  }
  return numbers;
}

/**
 * An onRequest hook for a route whose parameters are ids: runs `check` (which sends the refusal itself, e.g. a 404
 * or 403 page) before the body is read. Put `app.requireUser` before it in the route's onRequest list.
 */
export function checkBeforeBody(check: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!request.user) return;
    const params = numericParams(request);
    if (!params) {
      await reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
      return;
    }
    request.params = params;
    await check(request, reply);
  };
}
