// Sign in and sign out. The same message answers an unknown email and a wrong password (no user enumeration).
// Limits: an e-mail address is locked for a while after repeated wrong passwords (services/sign-in.ts, same
// answer for unknown addresses), and each client address may post the form only so often (@fastify/rate-limit
// with its counters in the database, shared by every instance of the service).
import type { FastifyError, FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { RouteDeps } from '../../route-deps.ts';
import { endSession, startSession } from '../../../services/accounts.ts';
import { LOCK_MINUTES, signIn } from '../../../services/sign-in.ts';
import { databaseRateLimitStore } from '../../../store/rate-limit-store.ts';
import { DEMO_ACCOUNTS } from '../../../services/demo.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session.ts';
import { safeReturnPath } from '../../plugins/auth.ts';

interface SignInBody {
  email?: string;
  password?: string;
  returnTo?: string;
}

interface SignInQuery {
  returnTo?: string;
  expired?: string;
  signedOut?: string;
}

const bodySchema = {
  type: 'object',
  properties: {
    email: { type: 'string', maxLength: 320 },
    password: { type: 'string', maxLength: 1000 },
    returnTo: { type: 'string', maxLength: 2000 },
    _csrf: { type: 'string' },
  },
};

const querySchema = {
  type: 'object',
  properties: { returnTo: { type: 'string' }, expired: { type: 'string' }, signedOut: { type: 'string' } },
};

const WRONG = 'Enter a correct email address and password';
const LOCKED = `There have been too many attempts to sign in with this email address. Wait ${LOCK_MINUTES} minutes, then try again`;

/** Sign-in posts each client address may make per window, whichever accounts they are for. */
export const ADDRESS_LIMIT = { max: 50, minutes: 15 };
const THROTTLED = `There have been too many attempts to sign in from your network. Wait ${ADDRESS_LIMIT.minutes} minutes, then try again`;

class ThrottledError extends Error {
  statusCode = 429;
}

export async function signInRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  const page = (values: Record<string, unknown>) => ({
    pageTitle: 'Sign in',
    demoAccounts: config.demo ? DEMO_ACCOUNTS : null,
    ...values,
  });

  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(store.db, 'sign-in:'),
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

  app.get<{ Querystring: SignInQuery }>('/sign-in', { schema: { querystring: querySchema } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.query.returnTo);
    if (request.user) return reply.redirect(returnTo);
    return reply.view('pages/sign-in/index.njk', page({
      returnTo,
      expired: request.query.expired === '1' || request.sessionExpired,
      signedOut: request.query.signedOut === '1',
    }));
  });

  const throttle = { max: ADDRESS_LIMIT.max, timeWindow: ADDRESS_LIMIT.minutes * 60_000, hook: 'preHandler' as const };
  app.post<{ Body: SignInBody }>('/sign-in', { schema: { body: bodySchema }, config: { rateLimit: throttle } }, async (request, reply) => {
    const email = (request.body.email ?? '').trim();
    const password = request.body.password ?? '';
    const returnTo = safeReturnPath(request.body.returnTo);
    const errors: { href: string; text: string }[] = [];
    if (!email) errors.push({ href: '#email', text: 'Enter your email address' });
    if (!password) errors.push({ href: '#password', text: 'Enter your password' });
    const outcome = errors.length === 0 ? await signIn(store.db, email, password) : null;
    if (outcome?.status !== 'signed-in') {
      if (outcome?.status === 'wrong') errors.push({ href: '#email', text: WRONG });
      if (outcome?.status === 'locked') errors.push({ href: '#email', text: LOCKED });
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
    if (request.sessionToken) await endSession(store.db, request.sessionToken);
    const session = await startSession(store.db, user.id, config.sessionHours);
    setSessionCookie(reply, config, session.token, session.expiresAt);
    request.log.info({ userId: user.id }, 'signed in');
    return reply.code(303).redirect(returnTo);
  });

  app.post('/sign-out', { schema: { body: { type: 'object', properties: { _csrf: { type: 'string' } } } } }, async (request, reply) => {
    if (request.sessionToken) await endSession(store.db, request.sessionToken);
    clearSessionCookie(reply, config);
    request.log.info({ userId: request.user?.id }, 'signed out');
    return reply.code(303).redirect('/sign-in?signedOut=1');
  });
}
