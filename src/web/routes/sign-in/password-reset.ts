// "Forgotten your password?": asking for a reset link answers with the same page whether the address has an
// account or not; the link (one-time, an hour) lets its holder choose a new password, after which every session of
// that account has ended and they sign in afresh.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { MIN_PASSWORD_LENGTH, RESET_MINUTES } from '../../../services/account-service.ts';
import { errorView } from '../../form-errors.ts';
import { formSchema, schemaProblems, textField } from '../../validation.ts';

const requestBody = formSchema({ email: textField('Email address', 'email') });
const resetBody = formSchema({ password: textField('New password', 'password'), confirm: textField('Confirm new password', 'password') });
const tokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

const LINK_STATES: Record<string, { title: string; text: string }> = {
  used: { title: 'This link has already been used', text: 'Each password reset link works once. If you still need to reset your password, ask for a new link.' },
  expired: { title: 'This link has expired', text: `Password reset links work for ${RESET_MINUTES} minutes. Ask for a new link.` },
  unknown: { title: 'This link does not work', text: 'Check you copied the whole link from the e-mail, or ask for a new one.' },
};

export async function passwordResetRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const access = { public: 'resetting a forgotten password' };
  const throttle = { max: 20, timeWindow: 15 * 60_000, hook: 'preHandler' as const };

  app.get('/sign-in/forgot-password', { config: { access } }, async (_request, reply) =>
    reply.view('pages/sign-in/forgot-password.njk', { pageTitle: 'Reset your password', values: {} }));

  app.post<{ Body: { email?: string } }>(
    '/sign-in/forgot-password',
    { config: { access, rateLimit: throttle }, schema: { body: requestBody }, attachValidation: true },
    async (request, reply) => {
      const problems = schemaProblems(request, requestBody);
      const email = request.validationError ? '' : (request.body.email ?? '').trim();
      if (problems.length === 0 && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        problems.push({ field: 'email', message: 'Enter your email address, like name@example.org' });
      }
      if (problems.length) {
        return reply.code(400).view('pages/sign-in/forgot-password.njk', { pageTitle: 'Reset your password', values: { email }, ...errorView(problems) });
      }
      const outcome = await services.accounts.passwordReset.request(email);
      if (outcome.problem) request.log.warn({ problem: outcome.problem }, 'password reset e-mail not sent');
      return reply.view('pages/sign-in/check-email.njk', { pageTitle: 'Check your email', email, minutes: RESET_MINUTES });
    },
  );

  app.get<{ Params: { token: string } }>(
    '/sign-in/reset-password/:token',
    { config: { access: { public: 'the token in the e-mailed link is the key' } }, schema: { params: tokenParams } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const state = await services.accounts.passwordReset.state(request.params.token);
      if (state.status !== 'open') {
        const text = LINK_STATES[state.status] ?? LINK_STATES.unknown!;
        return reply.code(410).view('pages/sign-in/link-spent.njk', { pageTitle: text.title, text: text.text, again: '/sign-in/forgot-password', againText: 'Ask for a new link' });
      }
      return reply.view('pages/sign-in/reset-password.njk', { pageTitle: 'Choose a new password', email: state.email, minLength: MIN_PASSWORD_LENGTH });
    },
  );

  app.post<{ Params: { token: string }; Body: { password?: string; confirm?: string } }>(
    '/sign-in/reset-password/:token',
    { config: { access: { public: 'the token in the e-mailed link is the key' } }, schema: { params: tokenParams, body: resetBody }, attachValidation: true },
    async (request, reply) => {
      const problems = schemaProblems(request, resetBody);
      const body = request.validationError ? {} : request.body;
      if (problems.length === 0) {
        const outcome = await services.accounts.passwordReset.complete(request.params.token, body.password ?? '', body.confirm ?? '');
        if (outcome.ok) return reply.redirect('/sign-in?reset=1', 303);
        if ('state' in outcome) {
          const text = LINK_STATES[outcome.state] ?? LINK_STATES.unknown!;
          return reply.code(410).view('pages/sign-in/link-spent.njk', { pageTitle: text.title, text: text.text, again: '/sign-in/forgot-password', againText: 'Ask for a new link' });
        }
        problems.push(...outcome.problems);
      }
      const state = await services.accounts.passwordReset.state(request.params.token);
      return reply.code(400).view('pages/sign-in/reset-password.njk', {
        pageTitle: 'Choose a new password', email: state.status === 'open' ? state.email : '', minLength: MIN_PASSWORD_LENGTH, ...errorView(problems),
      });
    },
  );
}
