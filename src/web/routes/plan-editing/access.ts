// Who may open a plan-editing page: the one check in services/accounts.ts decides. Someone outside the plan's
// organisation gets the same 404 as for something that does not exist; a member without the right gets a 403.
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { can, type Action, type CurrentUser } from '../../../services/accounts.ts';
import type { Database } from '../../../store/schema.ts';
import type { CommitmentRecord, MonitoringItemRecord, PlanRecord } from '../../../store/records.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import { getCommitment } from '../../../store/commitments-repository.ts';
import { getMonitoringItem } from '../../../store/monitoring-repository.ts';

type Db = Kysely<Database>;

/** Why the page is refused: nothing to show (404) or not allowed (403). */
export type Refusal = { refused: 404 | 403 };

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

export function refuse(reply: FastifyReply, { refused }: Refusal) {
  if (refused === 404) return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
  return reply.code(403).view('pages/errors/403.njk', {
    pageTitle: 'You cannot change this',
    message: 'Your role does not let you make this change. Ask the plan owner if you think it should.',
  });
}

/** May the user do `action` in the organisation (as a member at all, else 404)? */
export function check(user: CurrentUser | null, action: Action, organisationId: number, leadUserId?: number | null): Refusal | null {
  if (!can(user, 'plan:read', organisationId)) return { refused: 404 };
  if (!can(user, action, organisationId, { leadUserId })) return { refused: 403 };
  return null;
}

export async function planFor(db: Db, user: CurrentUser | null, planId: number, action: Action): Promise<PlanRecord | Refusal> {
  const plan = await getPlanRecord(db, planId);
  if (!plan) return { refused: 404 };
  return check(user, action, plan.organisationId) ?? plan;
}

export interface CommitmentInPlan {
  commitment: CommitmentRecord;
  plan: PlanRecord;
}

export async function commitmentFor(
  db: Db,
  user: CurrentUser | null,
  commitmentId: number,
  action: Action,
): Promise<CommitmentInPlan | Refusal> {
  const commitment = await getCommitment(db, commitmentId);
  const plan = commitment && (await getPlanRecord(db, commitment.planId));
  if (!commitment || !plan) return { refused: 404 };
  return check(user, action, plan.organisationId, commitment.leadUserId) ?? { commitment, plan };
}

export async function monitoringItemFor(
  db: Db,
  user: CurrentUser | null,
  itemId: number,
  action: Action,
): Promise<(CommitmentInPlan & { item: MonitoringItemRecord }) | Refusal> {
  const item = await getMonitoringItem(db, itemId);
  if (!item) return { refused: 404 };
  const found = await commitmentFor(db, user, item.commitmentId, action);
  return isRefusal(found) ? found : { ...found, item };
}
