// Sign in and sign out. The same message answers an unknown email and a wrong password (no user enumeration).
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { authenticate, endSession, startSession } from '../../../services/accounts.ts';
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

export async function signInRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  const page = (values: Record<string, unknown>) => ({
    pageTitle: 'Sign in',
    demoAccounts: config.demo ? DEMO_ACCOUNTS : null,
    ...values,
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

  app.post<{ Body: SignInBody }>('/sign-in', { schema: { body: bodySchema } }, async (request, reply) => {
    const email = (request.body.email ?? '').trim();
    const password = request.body.password ?? '';
    const returnTo = safeReturnPath(request.body.returnTo);
    const errors: { href: string; text: string }[] = [];
    if (!email) errors.push({ href: '#email', text: 'Enter your email address' });
    if (!password) errors.push({ href: '#password', text: 'Enter your password' });
    const user = errors.length === 0 ? await authenticate(store.db, email, password) : null;
    if (!user) {
      if (errors.length === 0) errors.push({ href: '#email', text: WRONG });
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
