// Accepting an invitation: the e-mailed link opens a page to choose a password (or to sign in with single sign-on,
// the only way for an organisation that asks for it); the new member is then signed in and lands in the
// organisation. A used, cancelled or expired link says which. Someone who already has an account signs in and
// accepts it from the same page.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { INVITATION_DAYS, MIN_PASSWORD_LENGTH, type AcceptOutcome } from '../../../services/account-service.ts';
import { ROLE_LABELS } from '../../../services/api-token-service.ts';
import type { Role } from '../../../domain/types.ts';
import { setSessionCookie } from '../../plugins/session.ts';
import { errorView } from '../../form-errors.ts';
import { formSchema, schemaProblems, textField } from '../../validation.ts';

const acceptBody = formSchema({
  name: textField('Full name', 'name'),
  password: textField('Password', 'password'),
  confirm: textField('Confirm password', 'password'),
});
const tokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

const LINK_STATES: Record<string, { title: string; text: string }> = {
  used: { title: 'This invitation has already been used', text: 'Each invitation link works once. If it was you who used it, sign in. Otherwise, ask the admin who invited you for a new invitation.' },
  expired: { title: 'This invitation has expired', text: `Invitation links work for ${INVITATION_DAYS} days. Ask the admin who invited you to invite you again.` },
  revoked: { title: 'This invitation has been cancelled', text: 'Ask the admin who invited you if you should still have access.' },
  unknown: { title: 'This invitation link does not work', text: 'Check you copied the whole link from the e-mail, or ask the admin who invited you to invite you again.' },
  'other-account': { title: 'This invitation is for someone else', text: 'You are signed in with a different email address from the one invited. Sign out, then open the link again.' },
};

export async function invitationRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const access = { public: 'the token in the e-mailed invitation is the key' };

  function spent(reply: FastifyReply, status: string) {
    const text = LINK_STATES[status] ?? LINK_STATES.unknown!;
    return reply.code(410).view('pages/sign-in/link-spent.njk', { pageTitle: text.title, text: text.text, again: '/sign-in', againText: 'Go to sign in' });
  }

  async function page(token: string, extra: object = {}) {
    const state = await services.accounts.invitations.state(token);
    if (state.status !== 'open') return null;
    return {
      pageTitle: `Join ${state.organisationName}`,
      token,
      email: state.invitation.email,
      roleLabel: ROLE_LABELS[state.invitation.role as Role] ?? state.invitation.role,
      organisationName: state.organisationName,
      ssoOnly: state.ssoOnly,
      hasAccount: state.hasAccount,
      ssoName: services.accounts.sso?.displayName ?? null,
      minLength: MIN_PASSWORD_LENGTH,
      values: {},
      ...extra,
    };
  }

  app.get<{ Params: { token: string } }>(
    '/sign-in/invitation/:token',
    { config: { access }, schema: { params: tokenParams } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const state = await services.accounts.invitations.state(request.params.token);
      if (state.status !== 'open') return spent(reply, state.status);
      return reply.view('pages/sign-in/invitation.njk', { ...(await page(request.params.token)), signedInAs: request.user?.email ?? null });
    },
  );

  app.post<{ Params: { token: string }; Body: { name?: string; password?: string; confirm?: string } }>(
    '/sign-in/invitation/:token',
    { config: { access }, schema: { params: tokenParams, body: acceptBody }, attachValidation: true },
    async (request, reply) => {
      const problems = schemaProblems(request, acceptBody);
      const body = request.validationError ? {} : request.body;
      let outcome: AcceptOutcome | null = null;
      if (problems.length === 0) {
        outcome = request.user
          ? await services.accounts.invitations.acceptSignedIn(request.params.token, request.user)
          : await services.accounts.invitations.acceptWithPassword(request.params.token, {
            name: body.name ?? '', password: body.password ?? '', confirm: body.confirm ?? '',
          });
        if (outcome.ok) {
          if (!request.user) {
            const session = await services.accounts.startSession(outcome.userId, request.headers['user-agent'] ?? null);
            setSessionCookie(reply, config, session.token, session.expiresAt);
          }
          return reply.redirect('/', 303);
        }
        if ('problems' in outcome) problems.push(...outcome.problems);
        else if (outcome.state === 'has-account' || outcome.state === 'sso-only') {
          const view = await page(request.params.token, { values: { name: body.name } });
          if (view) return reply.code(400).view('pages/sign-in/invitation.njk', view);
        } else return spent(reply, outcome.state);
      }
      const view = await page(request.params.token, { values: { name: body.name }, ...errorView(problems) });
      if (!view) return spent(reply, 'unknown');
      return reply.code(400).view('pages/sign-in/invitation.njk', view);
    },
  );
}
