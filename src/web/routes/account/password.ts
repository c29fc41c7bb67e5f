// Changing one's own password (with the current one, checked against the bundled list of common and breached
// passwords; the user's other sessions end), and signing out everywhere (every session of theirs, this one too).
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { MIN_PASSWORD_LENGTH } from '../../../services/account-service.ts';
import { clearSessionCookie } from '../../plugins/session.ts';
import { errorView } from '../../form-errors.ts';
import { formSchema, schemaProblems, textField } from '../../validation.ts';
import { signedInUser } from '../../plugins/access.ts';

const SIGNED_IN = { signedIn: true } as const;
const PAGE = 'pages/account/password.njk';

const passwordBody = formSchema({
  current: textField('Current password', 'password'),
  password: textField('New password', 'password'),
  confirm: textField('Confirm new password', 'password'),
});
type PasswordBody = { current?: string; password?: string; confirm?: string };

export async function passwordRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const page = { pageTitle: 'Change your password', minLength: MIN_PASSWORD_LENGTH };

  app.get('/account/password', { config: { access: SIGNED_IN } }, async (_request, reply) => reply.view(PAGE, page));

  app.post<{ Body: PasswordBody }>(
    '/account/password',
    { config: { access: SIGNED_IN }, schema: { body: passwordBody }, attachValidation: true },
    async (request, reply) => {
      const problems = schemaProblems(request, passwordBody);
      const body = request.validationError ? {} : request.body;
      if (problems.length === 0) {
        if (!body.current) problems.push({ field: 'current', message: 'Enter your current password' });
        if (!body.password) problems.push({ field: 'password', message: 'Enter a new password' });
      }
      if (problems.length === 0) {
        const outcome = await services.accounts.own.changePassword(signedInUser(request), request.sessionToken, {
          current: body.current ?? '', password: body.password ?? '', confirm: body.confirm ?? '',
        });
        if (outcome.ok) return reply.redirect('/account?notice=password-changed', 303);
        problems.push(...outcome.problems);
      }
      return reply.code(400).view(PAGE, { ...page, ...errorView(problems) });
    },
  );

  app.post(
    '/account/sign-out-everywhere',
    { config: { access: SIGNED_IN }, schema: { body: formSchema({}) } },
    async (request, reply) => {
      const ended = await services.accounts.own.signOutEverywhere(signedInUser(request));
      clearSessionCookie(reply, config);
      request.log.info({ userId: request.user?.id, ended }, 'signed out everywhere');
      return reply.redirect('/sign-in?signedOut=everywhere', 303);
    },
  );
}
