// The admin pages: the organisations a user may manage (all of them for a service-wide admin), each with its
// settings (name, single sign-on only, archived) and members (routes/admin/members.ts), and every user for a
// service-wide admin (routes/admin/users.ts). Who may do what is in docs/authorisation.md.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView } from '../../form-errors.ts';
import { choiceField, formSchema, schemaProblems, textField } from '../../validation.ts';
import { ADMIN_ACCESS, organisationParams, withOrganisation } from './shared.ts';
import { memberRoutes } from './members.ts';
import { userRoutes } from './users.ts';
import { signedInUser, forbiddenPage } from '../../plugins/access.ts';

const nameBody = formSchema({ name: textField('Organisation name', 'name'), join: choiceField('Join', 10) });
type NameBody = { name?: string; join?: string };
const ssoBody = formSchema({ ssoOnly: choiceField('Single sign-on', 10) });
type SsoBody = { ssoOnly?: string };

const ONLY_SERVICE_ADMINS = 'Only a service-wide admin can create or archive organisations.';

export async function adminRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { services, config } = deps;
  await app.register(memberRoutes, deps);
  await app.register(userRoutes, deps);

  app.get('/admin', { config: { access: ADMIN_ACCESS } }, async (request, reply) => {
    const user = signedInUser(request);
    const organisations = await services.accounts.admin.organisations(user);
    if (organisations.length === 0 && !user.serviceAdmin) {
      return forbiddenPage(reply, 'Only an organisation’s admins can manage its members. Ask one of them if you think you should.');
    }
    return reply.view('pages/admin/index.njk', { pageTitle: 'Organisations', organisations, serviceAdmin: user.serviceAdmin === true });
  });

  app.get('/admin/organisations/new', { config: { access: ADMIN_ACCESS } }, async (request, reply) => {
    if (!signedInUser(request).serviceAdmin) return forbiddenPage(reply, ONLY_SERVICE_ADMINS);
    return reply.view('pages/admin/organisation-name.njk', { pageTitle: 'Create an organisation', action: '/admin/organisations', creating: true, values: {} });
  });

  app.post<{ Body: NameBody }>(
    '/admin/organisations',
    { config: { access: ADMIN_ACCESS }, schema: { body: nameBody }, attachValidation: true },
    async (request, reply) => {
      const values = request.validationError ? {} : request.body;
      const problems = schemaProblems(request, nameBody);
      if (problems.length === 0) {
        const outcome = await services.accounts.admin.createOrganisation(signedInUser(request), values.name ?? '', values.join === 'yes');
        if (outcome.ok) return reply.redirect(`/admin/organisations/${outcome.organisation.id}?notice=created`, 303);
        if ('status' in outcome) return forbiddenPage(reply, ONLY_SERVICE_ADMINS);
        problems.push(...outcome.problems);
      }
      return reply.code(400).view('pages/admin/organisation-name.njk', {
        pageTitle: 'Create an organisation', action: '/admin/organisations', creating: true, values, ...errorView(problems),
      });
    },
  );

  app.get<{ Params: { id: number }; Querystring: { notice?: string } }>(
    '/admin/organisations/:id',
    { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams, querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    withOrganisation(services, async (request, reply, organisation) => {
      const page = await services.accounts.admin.members(organisation);
      return reply.view('pages/admin/organisation.njk', {
        pageTitle: organisation.name,
        ...page,
        notice: NOTICES[request.query.notice ?? ''],
        serviceAdmin: signedInUser(request).serviceAdmin === true,
        ssoName: config.oidc?.displayName ?? null,
      });
    }),
  );

  app.get<{ Params: { id: number } }>(
    '/admin/organisations/:id/name',
    { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams } },
    withOrganisation(services, async (request, reply, organisation) => {
      return reply.view('pages/admin/organisation-name.njk', {
        pageTitle: 'Rename the organisation', action: `/admin/organisations/${organisation.id}/name`, organisation, values: { name: organisation.name },
      });
    }),
  );

  app.post<{ Params: { id: number }; Body: NameBody }>(
    '/admin/organisations/:id/name',
    { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams, body: nameBody }, attachValidation: true },
    withOrganisation(services, async (request, reply, organisation) => {
      const values = request.validationError ? {} : request.body;
      const problems = schemaProblems(request, nameBody);
      if (problems.length === 0) {
        const outcome = await services.accounts.admin.renameOrganisation(signedInUser(request), organisation, values.name ?? '');
        if (outcome.ok) return reply.redirect(`/admin/organisations/${organisation.id}?notice=renamed`, 303);
        if ('status' in outcome) return forbiddenPage(reply, 'Only the organisation’s admins can rename it.');
        problems.push(...outcome.problems);
      }
      return reply.code(400).view('pages/admin/organisation-name.njk', {
        pageTitle: 'Rename the organisation', action: `/admin/organisations/${organisation.id}/name`, organisation, values, ...errorView(problems),
      });
    }),
  );

  app.get<{ Params: { id: number } }>(
    '/admin/organisations/:id/sign-in',
    { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams } },
    withOrganisation(services, async (request, reply, organisation) => {
      return reply.view('pages/admin/organisation-sso.njk', { pageTitle: 'How members sign in', organisation, ssoName: config.oidc?.displayName ?? null });
    }),
  );

  app.post<{ Params: { id: number }; Body: SsoBody }>(
    '/admin/organisations/:id/sign-in',
    { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams, body: ssoBody } },
    withOrganisation(services, async (request, reply, organisation) => {
      const ssoOnly = request.body.ssoOnly === 'yes';
      if (ssoOnly && !config.oidc) {
        return reply.code(400).view('pages/admin/organisation-sso.njk', {
          pageTitle: 'How members sign in', organisation, ssoName: null,
          ...errorView([{ field: 'ssoOnly', message: 'Single sign-on is not set up for this service, so members must keep their passwords' }]),
        });
      }
      await services.accounts.admin.setSsoOnly(signedInUser(request), organisation, ssoOnly);
      return reply.redirect(`/admin/organisations/${organisation.id}?notice=sign-in`, 303);
    }),
  );

  for (const [path, archived] of [['archive', true], ['restore', false]] as const) {
    app.get<{ Params: { id: number } }>(
      `/admin/organisations/:id/${path}`,
      { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams } },
      withOrganisation(services, async (request, reply, organisation) => {
        if (!signedInUser(request).serviceAdmin) return forbiddenPage(reply, ONLY_SERVICE_ADMINS);
        return reply.view('pages/admin/organisation-archive.njk', {
          pageTitle: archived ? `Archive ${organisation.name}?` : `Restore ${organisation.name}?`, organisation, archived, path,
        });
      }),
    );
    app.post<{ Params: { id: number } }>(
      `/admin/organisations/:id/${path}`,
      { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams, body: formSchema({}) } },
      withOrganisation(services, async (request, reply, organisation) => {
        if (!(await services.accounts.admin.setArchived(signedInUser(request), organisation, archived))) return forbiddenPage(reply, ONLY_SERVICE_ADMINS);
        return reply.redirect(`/admin/organisations/${organisation.id}?notice=${archived ? 'archived' : 'restored'}`, 303);
      }),
    );
  }
}

const NOTICES: Record<string, string> = {
  created: 'The organisation has been created.',
  renamed: 'The organisation has been renamed.',
  'sign-in': 'How members sign in has been saved.',
  archived: 'The organisation has been archived. Its plans and history are kept.',
  restored: 'The organisation has been restored.',
  'role-changed': 'The role has been changed.',
  removed: 'The member has been removed. What they did is kept in the audit trail.',
  'invitation-cancelled': 'The invitation has been cancelled: its link no longer works.',
};
