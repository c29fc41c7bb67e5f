// Every user of the service, for service-wide admins: disable someone (they are signed out at once and their API
// tokens stop working; their memberships and history stay) or enable them again.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { formSchema, idParam } from '../../validation.ts';
import { ADMIN_ACCESS } from './shared.ts';
import { signedInUser, notFoundPage, forbiddenPage } from '../../plugins/access.ts';

const ONLY_SERVICE_ADMINS = 'Only a service-wide admin can see every user and disable or enable them.';
const userParams = Type.Object({ userId: idParam });

const NOTICES: Record<string, string> = {
  disabled: 'The user has been disabled and signed out everywhere. Their history is kept.',
  enabled: 'The user has been enabled: they can sign in again.',
};

const REFUSALS: Record<string, string> = {
  yourself: 'You cannot disable yourself.',
  'last-admin': 'This user is the last admin of an organisation: make someone else an admin there first.',
};

export async function userRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Querystring: { notice?: string; refused?: string } }>(
    '/admin/users',
    { config: { access: ADMIN_ACCESS }, schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })), refused: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => {
      const users = await services.accounts.admin.users(signedInUser(request));
      if (!users) return forbiddenPage(reply, ONLY_SERVICE_ADMINS);
      const refusal = REFUSALS[request.query.refused ?? ''];
      return reply.code(refusal ? 400 : 200).view('pages/admin/users.njk', {
        pageTitle: 'Users', users, notice: NOTICES[request.query.notice ?? ''], me: signedInUser(request).id,
        errors: refusal ? [{ href: '#users', text: refusal }] : undefined,
      });
    },
  );

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post<{ Params: { userId: number } }>(
      `/admin/users/:userId/${path}`,
      { config: { access: ADMIN_ACCESS }, schema: { params: userParams, body: formSchema({}) } },
      async (request, reply) => {
        const outcome = await services.accounts.admin.setUserDisabled(signedInUser(request), request.params.userId, disabled);
        if (outcome.ok) return reply.redirect(`/admin/users?notice=${disabled ? 'disabled' : 'enabled'}`, 303);
        if (outcome.reason === 'forbidden') return forbiddenPage(reply, ONLY_SERVICE_ADMINS);
        if (outcome.reason === 'not-found') return notFoundPage(reply);
        return reply.redirect(`/admin/users?refused=${outcome.reason}`, 303);
      },
    );
  }
}
