// Sign in and sign out; single sign-on, password reset and invitations are in this folder's other files. The same message answers an unknown email and a wrong password (no user enumeration).
// Limits: an e-mail address is locked for a while after repeated wrong passwords (services/sign-in.ts, same
// answer for unknown addresses), and each client address may post the form only so often (@fastify/rate-limit
// with its counters in the database, shared by every instance of the service).
import type { FastifyError, FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { RouteDeps } from '../../route-deps.ts';
import { LOCK_MINUTES } from '../../../services/account-service.ts';
import { DEMO_ACCOUNTS } from '../../../services/demo.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session.ts';
import { safeReturnPath } from '../../plugins/auth.ts';
import { choiceField, formSchema, schemaProblems, textField } from '../../validation.ts';
import { ssoRoutes } from './sso.ts';
import { passwordResetRoutes } from './password-reset.ts';
import { invitationRoutes } from './invitation.ts';

interface SignInBody {
  email?: string;
  password?: string;
  returnTo?: string;
}

interface SignInQuery {
  returnTo?: string;
  expired?: string;
  signedOut?: string;
  reset?: string;
}

const bodySchema = formSchema({
  email: textField('Email address', 'email'),
  password: textField('Password', 'password'),
  returnTo: choiceField('Return address', 2000),
});

const querySchema = {
  type: 'object',
  properties: { returnTo: { type: 'string' }, expired: { type: 'string' }, signedOut: { type: 'string' }, reset: { type: 'string' } },
};

const WRONG = 'Enter a correct email address and password';
const LOCKED = `There have been too many attempts to sign in with this email address. Wait ${LOCK_MINUTES} minutes, then try again`;

/** Sign-in posts each client address may make per window, whichever accounts they are for. */
export const ADDRESS_LIMIT = { max: 50, minutes: 15 };
const THROTTLED = `There have been too many attempts to sign in from your network. Wait ${ADDRESS_LIMIT.minutes} minutes, then try again`;

class ThrottledError extends Error {
  statusCode = 429;
}

export async function signInRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { services, config } = deps;
  const page = (values: Record<string, unknown>) => ({
    pageTitle: 'Sign in',
    demoAccounts: config.demo ? DEMO_ACCOUNTS : null,
    ssoName: services.accounts.sso?.displayName ?? null,
    ...values,
  });

  const ssoOnlyMessage = () =>
    `Your organisation asks you to sign in with ${services.accounts.sso?.displayName ?? 'single sign-on'}, not with a password`;

  await app.register(rateLimit, {
    global: false,
    store: services.accounts.rateLimitStore('sign-in:'),
    errorResponseBuilder: () => new ThrottledError('too many sign-in attempts'),
  });

  // Only for this plugin's routes; anything but a throttled sign-in goes on to the app's error handler.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!(error instanceof ThrottledError)) throw error;
    request.log.info('sign-in throttled');
    const errors = [{ href: '#email', text: THROTTLED }];
    return reply.code(429).view('pages/sign-in/index.njk', page({
      returnTo: '/',
      errors,
      emailError: THROTTLED,
    }));
  });

  const access = { public: 'signing in' };
  app.get<{ Querystring: SignInQuery }>('/sign-in', { config: { access }, schema: { querystring: querySchema } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.query.returnTo);
    if (request.user) return reply.redirect(returnTo);
    return reply.view('pages/sign-in/index.njk', page({
      returnTo,
      expired: request.query.expired === '1' || request.sessionExpired,
      signedOut: request.query.signedOut === '1',
      signedOutEverywhere: request.query.signedOut === 'everywhere',
      passwordReset: request.query.reset === '1',
    }));
  });

  const throttle = { max: ADDRESS_LIMIT.max, timeWindow: ADDRESS_LIMIT.minutes * 60_000, hook: 'preHandler' as const };
  app.post<{ Body: SignInBody }>('/sign-in', { schema: { body: bodySchema }, attachValidation: true, config: { access, rateLimit: throttle } }, async (request, reply) => {
    const body = request.body ?? {};
    const email = (typeof body.email === 'string' ? body.email : '').trim();
    const password = typeof body.password === 'string' ? body.password : '';
    const returnTo = safeReturnPath(body.returnTo);
    const errors: { href: string; text: string }[] = schemaProblems(request, bodySchema).map((p) => ({ href: `#${p.field}`, text: p.message }));
    if (!email && !errors.some((e) => e.href === '#email')) errors.push({ href: '#email', text: 'Enter your email address' });
    if (!password && !errors.some((e) => e.href === '#password')) errors.push({ href: '#password', text: 'Enter your password' });
    const outcome = errors.length === 0 ? await services.accounts.signIn(email, password) : null;
    if (outcome?.status !== 'signed-in') {
      if (outcome?.status === 'wrong') errors.push({ href: '#email', text: WRONG });
      if (outcome?.status === 'locked') errors.push({ href: '#email', text: LOCKED });
      if (outcome?.status === 'sso-only') errors.push({ href: '#email', text: ssoOnlyMessage() });
      const fieldError = (href: string) => errors.find((e) => e.href === href)?.text;
      request.log.info('sign-in refused');
      return reply.code(400).view('pages/sign-in/index.njk', page({
        returnTo,
        email,
        errors,
        emailError: fieldError('#email'),
        passwordError: fieldError('#password') ?? (fieldError('#email') === WRONG ? WRONG : undefined),
      }));
    }
    const { user } = outcome;
    if (request.sessionToken) await services.accounts.endSession(request.sessionToken);
    const session = await services.accounts.startSession(user.id, request.headers['user-agent'] ?? null);
    setSessionCookie(reply, config, session.token, session.expiresAt);
    request.log.info({ userId: user.id }, 'signed in');
    return reply.code(303).redirect(returnTo);
  });

  await app.register(ssoRoutes, deps);
  await app.register(passwordResetRoutes, deps);
  await app.register(invitationRoutes, deps);

  app.post('/sign-out', { config: { access: { public: 'signing out, also after the session has ended' } }, schema: { body: { type: 'object', properties: { _csrf: { type: 'string' } } } } }, async (request, reply) => {
    if (request.sessionToken) await services.accounts.endSession(request.sessionToken);
    clearSessionCookie(reply, config);
    request.log.info({ userId: request.user?.id }, 'signed out');
    return reply.code(303).redirect('/sign-in?signedOut=1');
  });
}
