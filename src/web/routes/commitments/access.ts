// Who may see and change a commitment (and everything in it): members of the plan's organisation may read it
// ('plan:read'); 'commitment:edit' with the commitment's lead decides editing. Non-members get the same 404 as
// for something that does not exist; members who may not edit get a 403 page.
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { CommitmentRecord, PlanRecord } from '../../../store/records.ts';
import { getCommitment } from '../../../store/commitments-repository.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import { can, type CurrentUser } from '../../../services/accounts.ts';

export interface CommitmentAccess {
  commitment: CommitmentRecord;
  plan: PlanRecord;
  canEdit: boolean;
}

/** The commitment and its plan when `user` may read them; undefined when it does not exist or is not theirs. */
export async function commitmentAccess(
  db: Kysely<Database>,
  user: CurrentUser | null | undefined,
  commitmentId: number,
): Promise<CommitmentAccess | undefined> {
  const commitment = await getCommitment(db, commitmentId);
  if (!commitment) return undefined;
  const plan = await getPlanRecord(db, commitment.planId);
  if (!plan || !can(user, 'plan:read', plan.organisationId)) return undefined;
  return { commitment, plan, canEdit: can(user, 'commitment:edit', plan.organisationId, { leadUserId: commitment.leadUserId }) };
}

export function notFound(reply: FastifyReply) {
  return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
}

export function forbidden(reply: FastifyReply) {
  return reply.code(403).view('pages/errors/403.njk', {
    pageTitle: 'You cannot change this commitment',
    message: 'Only the plan owner and the commitment’s lead can change its milestones, KPIs and evidence.',
  });
}

export const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
} as const;

/** A url-encoded form's fields, all optional strings. */
export function formBody(names: readonly string[], maxLength = 5000) {
  return {
    type: 'object',
    properties: Object.fromEntries([...names, '_csrf'].map((n) => [n, { type: 'string', maxLength }])),
  } as const;
}

/** Where to go back to after a change: the commitment page, at the thing changed, with a success message. */
export function commitmentUrl(commitmentId: number, notice?: string, anchor?: string): string {
  return `/commitments/${commitmentId}${notice ? `?notice=${notice}` : ''}${anchor ? `#${anchor}` : ''}`;
}
