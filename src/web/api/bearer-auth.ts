// Who calls the JSON API: the API token in `Authorization: Bearer <token>`, never a cookie. The hook runs after the
// session plugin and before the access check, so on /api/v1 it drops whatever the cookies said and sets
// `request.user` to the token's user, whose only membership is the token's organisation with the token's role:
// the one access check then applies unchanged. An unknown or revoked token is answered 401 at once.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.ts';
import { sendProblem } from './problems.ts';

export const API_PREFIX = '/api/v1';

export function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}

export async function setUpApiAuth(app: FastifyInstance, services: Services): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    // Cookies count for nothing here: no session user, so no cross-site request can act as them (no CSRF).
    request.user = null;
    request.sessionToken = null;
    const header = request.headers.authorization;
    if (header === undefined) return;
    const rule = request.routeOptions.config?.access;
    if (rule && 'public' in rule) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match?.[1] ? await services.apiTokens.authenticate(match[1]) : null;
    if (!user) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return sendProblem(request, reply, 401, 'The API token is unknown or has been revoked.');
    }
    request.user = user;
  });

  // Every 401 says how to authenticate (RFC 6750).
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 401 && isApiPath(request.url) && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer');
    return payload;
  });
}
