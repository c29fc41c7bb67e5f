// A milestone with its commitment and plan, when the signed-in user may read it (else the 404 is sent).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { MilestoneRecord } from '../../../store/records.ts';
import { getMilestone } from '../../../store/milestones-repository.ts';
import { commitmentAccess, forbidden, notFound, type CommitmentAccess } from '../commitments/access.ts';

export interface MilestoneAccess extends CommitmentAccess {
  milestone: MilestoneRecord;
}

/** The milestone when the user may edit it; otherwise sends the 404 or 403 page and returns null. */
export async function editableMilestone(
  db: Kysely<Database>,
  request: FastifyRequest<{ Params: { id: number } }>,
  reply: FastifyReply,
): Promise<MilestoneAccess | null> {
  const milestone = await getMilestone(db, request.params.id);
  const access = milestone && (await commitmentAccess(db, request.user, milestone.commitmentId));
  if (!milestone || !access) {
    await notFound(reply);
    return null;
  }
  if (!access.canEdit) {
    await forbidden(reply);
    return null;
  }
  return { ...access, milestone };
}
