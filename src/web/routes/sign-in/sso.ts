// Signing in with the organisation's OpenID Connect provider ("Sign in with <name>"), when one is set. The browser
// goes to the provider with a random state, which is also put in a short-lived cookie: the callback is accepted
// only from the browser that started it, so nobody can be signed in as someone else by a link. Refusals (unknown
// or unverified address, a disabled account, a failed exchange) get a page that says which and what to do.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { CALLBACK_PATH, type SsoOutcome } from '../../../services/account-service.ts';
import { safeReturnPath } from '../../plugins/auth.ts';
import { setSessionCookie } from '../../plugins/session.ts';

const STATE_COOKIE = 'tracker_sso_state';

type Refused = Extract<SsoOutcome, { status: 'refused' }>;

function refusal(outcome: Refused, provider: string): { title: string; paragraphs: string[] } {
  switch (outcome.reason) {
    case 'unknown':
      return {
        title: 'There is no account for this email address',
        paragraphs: [
          `${provider} says you are ${outcome.email ?? 'someone'}, but nobody has given that address access to this service.`,
          'Ask an admin of your organisation to add you. You will then be able to sign in here.',
        ],
      };
    case 'unverified':
      return {
        title: 'Your email address has not been confirmed',
        paragraphs: [
          `${provider} has not confirmed that ${outcome.email ?? 'your email address'} is yours, so it cannot be used to sign in here.`,
          `Confirm your email address with ${provider}, or ask your IT team, then try again.`,
        ],
      };
    case 'disabled':
      return { title: 'Your account has been disabled', paragraphs: ['Ask an admin of your organisation if you think you should still have access.'] };
    case 'no-email':
      return { title: 'No email address was given', paragraphs: [`${provider} did not tell us your email address, so we cannot find your account. Ask your IT team.`] };
    case 'expired':
      return { title: 'Signing in took too long or was started elsewhere', paragraphs: ['Start again from the sign-in page.'] };
    case 'failed':
      return { title: `Signing in with ${provider} did not work`, paragraphs: ['Try again. If it keeps happening, sign in with your password or ask your IT team.'] };
  }
}

export async function ssoRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const sso = services.accounts.sso;
  if (!sso) return;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.production, path: '/sign-in/sso', maxAge: 15 * 60 };

  app.get<{ Querystring: { returnTo?: string } }>(
    '/sign-in/sso',
    { config: { access: { public: 'signing in with single sign-on' } }, schema: { querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) }) } },
    async (request, reply) => {
      let url: URL;
      try {
        url = await sso.begin(safeReturnPath(request.query.returnTo));
      } catch (error) {
        request.log.warn({ err: error }, 'the single sign-on provider could not be reached');
        const text = refusal({ status: 'refused', reason: 'failed' }, sso.displayName);
        return reply.code(502).view('pages/sign-in/sso-refused.njk', { pageTitle: text.title, ...text });
      }
      reply.setCookie(STATE_COOKIE, url.searchParams.get('state') ?? '', cookieOptions);
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    CALLBACK_PATH,
    { config: { access: { public: 'the single sign-on provider sends the browser back here' } } },
    async (request, reply) => {
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const fromCookie = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, cookieOptions);
      const outcome: SsoOutcome = fromCookie && fromCookie === query.get('state')
        ? await sso.finish(query)
        : { status: 'refused', reason: 'expired' };
      if (outcome.status === 'refused') {
        request.log.info({ reason: outcome.reason }, 'single sign-on refused');
        const text = refusal(outcome, sso.displayName);
        return reply.code(403).view('pages/sign-in/sso-refused.njk', { pageTitle: text.title, ...text });
      }
      if (request.sessionToken) await services.accounts.endSession(request.sessionToken);
      const session = await services.accounts.startSession(outcome.userId, request.headers['user-agent'] ?? null);
      setSessionCookie(reply, config, session.token, session.expiresAt);
      request.log.info({ userId: outcome.userId }, 'signed in with single sign-on');
      return reply.redirect(safeReturnPath(outcome.returnTo), 303);
    },
  );
}
