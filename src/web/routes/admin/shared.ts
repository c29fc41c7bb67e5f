// What the admin pages share: the organisation of the address (or the refusal), role choices and their labels.
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Services } from '../../../services/index.ts';
import type { OrganisationSettings } from '../../../services/account-service.ts';
import { ROLE_LABELS } from '../../../services/api-token-service.ts';
import { ROLES, type Role } from '../../../domain/types.ts';
import { idParam } from '../../validation.ts';
import { signedInUser, notFoundPage, forbiddenPage } from '../../plugins/access.ts';

/**
 * Every admin page is for signed-in users; whether they may manage this organisation (an admin of it, or a
 * service-wide admin) is the service's answer, as it is not a role in the organisation alone (docs/authorisation.md).
 */
export const ADMIN_ACCESS = { signedIn: true } as const;

export const organisationParams = Type.Object({ id: idParam });
export const memberParams = Type.Object({ id: idParam, userId: idParam });
export const invitationParams = Type.Object({ id: idParam, invitationId: idParam });

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'Manages the organisation and its members, and does everything a plan owner does',
  'plan-owner': 'Imports, edits and publishes plans, and sets up reviews',
  'commitment-lead': 'Sees the plans and edits the commitments they lead',
  reviewer: 'Sees the plans and writes and signs off progress updates',
  viewer: 'Sees the plans and changes nothing, for example a board member',
};

export function roleItems(checked?: string) {
  return [...ROLES].map((r) => ({ value: r, text: ROLE_LABELS[r], hint: { text: ROLE_HINTS[r] }, checked: checked === r }));
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

const NOT_ADMIN = 'Only the organisation’s admins can manage its members. Ask one of them if you think you should.';

/** The organisation of the address, or null once the refusal (404 or 403) has been sent. */
export async function organisationFor(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<OrganisationSettings | null> {
  const { id } = request.params as { id: number };
  const outcome = await services.accounts.admin.organisation(signedInUser(request), id);
  if (outcome.ok) return outcome.organisation;
  if (outcome.status === 404) await notFoundPage(reply);
  else await forbiddenPage(reply, NOT_ADMIN);
  return null;
}

/** A handler that runs only once the organisation of the address is found (else the refusal has been sent). */
export function withOrganisation<R extends FastifyRequest>(
  services: Services, handler: (request: R, reply: FastifyReply, organisation: OrganisationSettings) => unknown,
) {
  return async (request: R, reply: FastifyReply) => {
    const organisation = await organisationFor(services, request, reply);
    return organisation ? handler(request, reply, organisation) : reply;
  };
}
