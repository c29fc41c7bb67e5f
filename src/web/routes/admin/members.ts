// The members of an organisation: add someone by e-mail with a role (check answers, then a confirmation: added at
// once when they have an account, otherwise invited by e-mail), change a member's role, remove a member (after a
// question), cancel an open invitation. The last admin can be neither demoted nor removed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { asRole, INVITATION_DAYS, LAST_ADMIN_MESSAGE, type OrganisationSettings } from '../../../services/account-service.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { choiceField, formSchema, schemaProblems, textField } from '../../validation.ts';
import { ADMIN_ACCESS, invitationParams, memberParams, organisationParams, roleItems, roleLabel, withOrganisation } from './shared.ts';
import { signedInUser, notFoundPage } from '../../plugins/access.ts';

const memberBody = formSchema({ email: textField('Email address', 'email'), role: choiceField('Role', 40) });
type MemberBody = { email?: string; role?: string };
const roleBody = formSchema({ role: choiceField('Role', 40) });
type RoleBody = { role?: string };

/** How both posts of the add-a-member form are received: invalid answers are shown again, not refused. */
const MEMBER_FORM_POST = { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams, body: memberBody }, attachValidation: true };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function memberRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const FORM = 'pages/admin/member-new.njk';

  function memberProblems(values: MemberBody, fromSchema: FieldError[]): FieldError[] {
    const problems = [...fromSchema];
    const email = values.email?.trim() ?? '';
    if (!problems.some((p) => p.field === 'email')) {
      if (!email) problems.push({ field: 'email', message: 'Enter the person’s email address' });
      else if (!EMAIL.test(email)) problems.push({ field: 'email', message: 'Enter an email address in the right format, like name@example.org' });
    }
    if (!asRole(values.role)) problems.push({ field: 'role', message: 'Choose the role they will have' });
    return problems;
  }

  /** The posted member form (empty when it failed the schema) and every problem with it. */
  function memberAnswers(request: FastifyRequest<{ Body: MemberBody }>): { values: MemberBody; problems: FieldError[] } {
    const values = request.validationError ? {} : request.body;
    return { values, problems: memberProblems(values, schemaProblems(request, memberBody)) };
  }

  /** The add-a-member form again, with what was entered and what is wrong with it. */
  function formAgain(reply: FastifyReply, organisation: OrganisationSettings, values: MemberBody, problems: FieldError[]) {
    return reply.code(400).view(FORM, { pageTitle: 'Add a member', organisation, values, roles: roleItems(values.role), ...errorView(problems) });
  }

  app.get<{ Params: { id: number } }>(
    '/admin/organisations/:id/members/new',
    { config: { access: ADMIN_ACCESS }, schema: { params: organisationParams } },
    withOrganisation(services, async (request, reply, organisation) => {
      return reply.view(FORM, { pageTitle: 'Add a member', organisation, values: {}, roles: roleItems() });
    }),
  );

  // Check answers: what will happen, before it happens.
  app.post<{ Params: { id: number }; Body: MemberBody }>(
    '/admin/organisations/:id/members/check',
    MEMBER_FORM_POST,
    withOrganisation(services, async (request, reply, organisation) => {
      const { values, problems } = memberAnswers(request);
      if (problems.length) return formAgain(reply, organisation, values, problems);
      return reply.view('pages/admin/member-check.njk', {
        pageTitle: 'Check the new member’s details', organisation, email: values.email?.trim(), role: values.role, roleLabel: roleLabel(values.role ?? ''),
        invitationDays: INVITATION_DAYS,
      });
    }),
  );

  app.post<{ Params: { id: number }; Body: MemberBody }>(
    '/admin/organisations/:id/members',
    MEMBER_FORM_POST,
    withOrganisation(services, async (request, reply, organisation) => {
      const { values, problems } = memberAnswers(request);
      const role = asRole(values.role);
      if (problems.length === 0 && role) {
        const outcome = await services.accounts.admin.addMember(signedInUser(request), organisation, { email: values.email?.trim() ?? '', role });
        if (outcome.ok) {
          return reply.view('pages/admin/member-added.njk', {
            pageTitle: outcome.kind === 'added' ? 'Member added' : 'Invitation sent',
            organisation, outcome, email: values.email?.trim(), roleLabel: roleLabel(role), invitationDays: INVITATION_DAYS,
          });
        }
        problems.push(...outcome.problems);
      }
      return formAgain(reply, organisation, values, problems);
    }),
  );

  app.get<{ Params: { id: number; userId: number } }>(
    '/admin/organisations/:id/members/:userId/role',
    { config: { access: ADMIN_ACCESS }, schema: { params: memberParams } },
    withOrganisation(services, async (request, reply, organisation) => {
      const member = await services.accounts.admin.member(organisation, request.params.userId);
      if (!member) return notFoundPage(reply);
      return reply.view('pages/admin/member-role.njk', { pageTitle: `Change ${member.name}’s role`, organisation, member, roles: roleItems(member.roles[0]) });
    }),
  );

  app.post<{ Params: { id: number; userId: number }; Body: RoleBody }>(
    '/admin/organisations/:id/members/:userId/role',
    { config: { access: ADMIN_ACCESS }, schema: { params: memberParams, body: roleBody }, attachValidation: true },
    withOrganisation(services, async (request, reply, organisation) => {
      const member = await services.accounts.admin.member(organisation, request.params.userId);
      if (!member) return notFoundPage(reply);
      const role = request.validationError ? undefined : asRole(request.body.role);
      const problems: FieldError[] = [];
      if (!role) problems.push({ field: 'role', message: 'Choose the role they will have' });
      else {
        const outcome = await services.accounts.admin.changeRole(signedInUser(request), organisation, member.userId, role);
        if (outcome.ok) return reply.redirect(`/admin/organisations/${organisation.id}?notice=role-changed`, 303);
        if (outcome.reason === 'not-member') return notFoundPage(reply);
        problems.push({ field: 'role', message: LAST_ADMIN_MESSAGE });
      }
      return reply.code(400).view('pages/admin/member-role.njk', {
        pageTitle: `Change ${member.name}’s role`, organisation, member, roles: roleItems(role ?? member.roles[0]), ...errorView(problems),
      });
    }),
  );

  app.get<{ Params: { id: number; userId: number } }>(
    '/admin/organisations/:id/members/:userId/remove',
    { config: { access: ADMIN_ACCESS }, schema: { params: memberParams } },
    withOrganisation(services, async (request, reply, organisation) => {
      const member = await services.accounts.admin.member(organisation, request.params.userId);
      if (!member) return notFoundPage(reply);
      return reply.view('pages/admin/member-remove.njk', { pageTitle: `Remove ${member.name} from ${organisation.name}?`, organisation, member });
    }),
  );

  app.post<{ Params: { id: number; userId: number } }>(
    '/admin/organisations/:id/members/:userId/remove',
    { config: { access: ADMIN_ACCESS }, schema: { params: memberParams, body: formSchema({}) } },
    withOrganisation(services, async (request, reply, organisation) => {
      const outcome = await services.accounts.admin.removeMember(signedInUser(request), organisation, request.params.userId);
      if (outcome.ok) return reply.redirect(`/admin/organisations/${organisation.id}?notice=removed`, 303);
      if (outcome.reason === 'not-member') return notFoundPage(reply);
      const member = await services.accounts.admin.member(organisation, request.params.userId);
      return reply.code(400).view('pages/admin/member-remove.njk', {
        pageTitle: `Remove ${member?.name ?? 'this member'} from ${organisation.name}?`, organisation, member,
        errors: [{ href: '#remove', text: LAST_ADMIN_MESSAGE }], lastAdmin: true,
      });
    }),
  );

  app.post<{ Params: { id: number; invitationId: number } }>(
    '/admin/organisations/:id/invitations/:invitationId/cancel',
    { config: { access: ADMIN_ACCESS }, schema: { params: invitationParams, body: formSchema({}) } },
    withOrganisation(services, async (request, reply, organisation) => {
      if (!(await services.accounts.admin.cancelInvitation(signedInUser(request), organisation, request.params.invitationId))) return notFoundPage(reply);
      return reply.redirect(`/admin/organisations/${organisation.id}?notice=invitation-cancelled`, 303);
    }),
  );
}
