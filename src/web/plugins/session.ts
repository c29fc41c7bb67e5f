// Sessions: reads the session cookie, resumes the server-side session (sliding expiry, see services/accounts.ts)
// and sets request.user. Also decides the request's CSRF token: the session's own once signed in, otherwise a
// random pre-sign-in token kept in its own cookie (so the sign-in form is protected too).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type { Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';
import type { CurrentUser } from '../../services/account-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    /** The cookie token of the signed-in session (never log it). */
    sessionToken: string | null;
    /** True when the request carried a session cookie that has expired or was ended. */
    sessionExpired: boolean;
    csrfToken: string;
    /** Signed in: the content version the session was read at (store/content-version.ts); else null. */
    contentVersion: number | null;
  }
}

// The JSON API signs in with a bearer token, never a cookie (web/api/bearer-auth.ts).
const SKIP = /^\/(assets|public)\/|^\/health$|^\/favicon\.ico$|^\/api\/v1\//;

export function cookieNames(config: Config): { session: string; csrf: string } {
  // __Host- cookies must be Secure, path=/ and have no Domain: browsers then refuse them from subdomains.
  const prefix = config.production ? '__Host-' : '';
  return { session: `${prefix}tracker_session`, csrf: `${prefix}tracker_csrf` };
}

function cookieOptions(config: Config) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.production, path: '/' };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  const names = cookieNames(config);
  reply.setCookie(names.session, token, { ...cookieOptions(config), expires: expiresAt });
  reply.clearCookie(names.csrf, cookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, cookieOptions(config));
}

export async function setUpSession(app: FastifyInstance, services: Services, config: Config): Promise<void> {
  await app.register(cookie);
  const names = cookieNames(config);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('contentVersion', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (SKIP.test(request.url)) return;
    const token = request.cookies[names.session];
    if (token) {
      const state = await services.accounts.resumeSession(token);
      if (state.status === 'active') {
        request.user = state.user;
        request.sessionToken = token;
        request.csrfToken = state.csrfToken;
        request.contentVersion = state.contentVersion;
        // The browser already holds the cookie with this expiry unless the session was just renewed.
        if (state.renewed) reply.setCookie(names.session, token, { ...cookieOptions(config), expires: state.expiresAt });
        return;
      }
      request.sessionExpired = true;
      clearSessionCookie(reply, config);
    }
    const pre = request.cookies[names.csrf];
    if (pre && /^[A-Za-z0-9_-]{43}$/.test(pre)) {
      request.csrfToken = pre;
    } else {
      request.csrfToken = services.accounts.randomToken();
      reply.setCookie(names.csrf, request.csrfToken, cookieOptions(config));
    }
  });
}
