// The account page, one place for what is the signed-in user's own: their details, changing their password, the
// sessions they have open (with "sign out everywhere"), their calendar feed (its pages are in routes/calendar) and
// their API tokens. A token: they make one (a name, one of their organisations, a role no higher than theirs
// there), see it once on the confirmation, and revoke any of theirs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import type { Services } from '../../../services/index.ts';
import type { CurrentUser } from '../../../services/accounts.ts';
import { ROLE_LABELS, ROLE_ORDER } from '../../../services/api-token-service.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { choiceField, formSchema, schemaProblems, textField } from '../../validation.ts';
import { passwordRoutes } from './password.ts';
import { adminRoutes } from '../admin/index.ts';
import { signedInUser, notFoundPage } from '../../plugins/access.ts';

const SIGNED_IN = { signedIn: true } as const;
const PAGE = 'pages/account/index.njk';

const newTokenBody = formSchema({
  name: textField('Name', 'name'),
  organisationId: choiceField('Organisation', 20),
  role: choiceField('Role', 40),
});
type NewTokenBody = { name?: string; organisationId?: string; role?: string };

const revokeParams = Type.Object({ tokenId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const NOTICES: Record<string, string> = {
  revoked: 'The token has been revoked: anything using it can no longer call the API.',
  'password-changed': 'Your password has been changed. Any other sessions you had open have been signed out.',
};

async function accountPage(services: Services, user: CurrentUser, values: NewTokenBody, extra: object = {}) {
  const choices = services.apiTokens.choices(user);
  const offered = new Set(choices.flatMap((c) => c.roles));
  const single = choices.length === 1 ? choices[0] : undefined;
  return {
    pageTitle: 'Your account',
    ...(await ownPieces(services, user, extra)),
    tokens: await services.apiTokens.list(user),
    organisations: choices.map((c) => ({
      value: String(c.organisationId), text: c.organisationName,
      hint: { text: `Tokens as ${c.roles.map((r) => ROLE_LABELS[r]).join(', ')}` },
      checked: values.organisationId === String(c.organisationId) || (single !== undefined && values.organisationId === undefined),
    })),
    roles: ROLE_ORDER.filter((r) => offered.has(r)).map((r) => ({ value: r, text: ROLE_LABELS[r], checked: values.role === r })),
    values,
    ...extra,
  };
}

/** The account page's own sections: sessions, calendar feed, whether a password is set, the admin link. */
async function ownPieces(services: Services, user: CurrentUser, extra: object) {
  const token = (extra as { sessionToken?: string | null }).sessionToken ?? null;
  const sessions = await services.accounts.own.sessions(user, token);
  return {
    account: user,
    sessions,
    hasPassword: await services.accounts.own.hasPassword(user),
    calendarCreatedAt: await services.accounts.calendar.createdAt(user),
    manages: (await services.accounts.admin.organisations(user)).length > 0 || user.serviceAdmin === true,
  };
}

export async function accountRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { services } = deps;
  await app.register(passwordRoutes, deps);
  // The admin pages are registered from here so that the app's list of route plugins stays as it is.
  await app.register(adminRoutes, deps);

  app.get<{ Querystring: { notice?: string } }>(
    '/account',
    { config: { access: SIGNED_IN }, schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => {
      const notice = NOTICES[request.query.notice ?? ''];
      return reply.view(PAGE, await accountPage(services, signedInUser(request), {}, { notice, sessionToken: request.sessionToken }));
    },
  );

  app.post<{ Body: NewTokenBody }>(
    '/account/tokens',
    { config: { access: SIGNED_IN }, schema: { body: newTokenBody }, attachValidation: true },
    async (request: FastifyRequest<{ Body: NewTokenBody }>, reply: FastifyReply) => {
      const user = signedInUser(request);
      const values = request.validationError ? {} : request.body;
      const problems: FieldError[] = schemaProblems(request, newTokenBody);
      if (problems.length === 0) {
        const organisationId = /^\d{1,10}$/.test(values.organisationId ?? '') ? Number(values.organisationId) : undefined;
        const created = await services.apiTokens.create(user, { name: values.name, organisationId, role: values.role });
        if (created.ok) {
          return reply.view('pages/account/token-created.njk', {
            pageTitle: 'API token made',
            token: created.token,
            record: { ...created.record, roleLabel: ROLE_LABELS[created.record.role] },
            organisationName: user.memberships.find((m) => m.organisationId === created.record.organisationId)?.organisationName ?? '',
          });
        }
        problems.push(...created.errors);
      }
      return reply.code(400).view(PAGE, await accountPage(services, user, values, { ...errorView(problems), sessionToken: request.sessionToken }));
    },
  );

  app.post<{ Params: { tokenId: number } }>(
    '/account/tokens/:tokenId/revoke',
    { config: { access: SIGNED_IN }, schema: { params: revokeParams } },
    async (request, reply) => {
      const revoked = await services.apiTokens.revoke(signedInUser(request), request.params.tokenId);
      if (!revoked) return notFoundPage(reply);
      return reply.redirect('/account?notice=revoked', 303);
    },
  );
}
