// What every review command and read model starts from: the period (and commitment) an address names with its
// plan, who may do what there, and the update's stage. Unknown things are NotFoundError; the rights come from
// `can()`, the same rule the pages' access check uses.
import type { Kysely } from 'kysely';
import { checkAction, type ActorRights, type UpdateAction, type UpdateStage } from '../../domain/update-flow.ts';
import type { CommitmentRecord, PlanRecord } from '../../domain/records.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Database } from '../../store/schema.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { getCommitment } from '../../store/commitments-repository.ts';
import { getPlanRecord } from '../../store/plans-repository.ts';
import * as periods from '../../store/review-periods-repository.ts';
import type { ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
import type { ReviewUpdateRecord } from '../../store/progress-updates-repository.ts';
import { can, type CurrentUser } from '../accounts.ts';
import { systemClock } from '../clock.ts';
import { NotFoundError, ReviewForbiddenError, ReviewStateError } from './errors.ts';

export type Db = Kysely<Database>;

export interface ReviewOptions {
  /** The day the evidence is judged on when the period has not ended yet (default: the system clock's today). */
  today?: IsoDate;
}

/** The day to judge on: the one given (the review service passes its clock's), else the system clock's. */
export function todayOf(opts: ReviewOptions): IsoDate {
  return opts.today ?? systemClock().today();
}

export interface PeriodScope {
  plan: PlanRecord;
  period: ReviewPeriodRecord;
}

export interface CommitmentScope extends PeriodScope {
  commitment: CommitmentRecord;
}

export async function planOf(db: Db, planId: number): Promise<PlanRecord> {
  const plan = await getPlanRecord(db, planId);
  if (!plan) throw new NotFoundError(`There is no plan ${planId}`);
  return plan;
}

export async function periodScope(db: Db, periodId: number): Promise<PeriodScope> {
  const period = await periods.getReviewPeriod(db, periodId);
  if (!period) throw new NotFoundError(`There is no review period ${periodId}`);
  return { period, plan: await planOf(db, period.planId) };
}

export async function commitmentScope(db: Db, commitmentId: number, periodId: number): Promise<CommitmentScope> {
  const scope = await periodScope(db, periodId);
  const commitment = await getCommitment(db, commitmentId);
  if (!commitment || commitment.planId !== scope.plan.id) {
    throw new NotFoundError(`There is no commitment ${commitmentId} in the plan of review period ${periodId}`);
  }
  return { ...scope, commitment };
}

export function rightsOf(user: CurrentUser, organisationId: number): ActorRights {
  return {
    write: can(user, 'update:write', organisationId),
    respond: can(user, 'update:respond', organisationId),
    signOff: can(user, 'update:sign-off', organisationId),
  };
}

export function requireRead(user: CurrentUser, plan: PlanRecord): void {
  if (!can(user, 'plan:read', plan.organisationId)) throw new ReviewForbiddenError('You do not have access to this plan');
}

export function requireAllowed(action: UpdateAction, stage: UpdateStage, scope: PeriodScope, user: CurrentUser): void {
  const check = checkAction(action, stage, scope.period.status === 'signed-off', rightsOf(user, scope.plan.organisationId));
  if (check.allowed) return;
  throw check.reason === 'forbidden' ? new ReviewForbiddenError(check.message) : new ReviewStateError(check.message);
}

export function stageOf(update: ReviewUpdateRecord | undefined): UpdateStage {
  return update ? update.state : 'not-started';
}

/** The current (highest) version of each commitment's update among `list`. */
export function currentByCommitment(list: readonly ReviewUpdateRecord[]): Map<number, ReviewUpdateRecord> {
  const map = new Map<number, ReviewUpdateRecord>();
  for (const u of list) {
    const seen = map.get(u.commitmentId);
    if (!seen || u.version > seen.version) map.set(u.commitmentId, u);
  }
  return map;
}

export function audit(db: Db, scope: PeriodScope, user: CurrentUser, entity: string, entityId: number, action: string, before: unknown, after: unknown) {
  return recordAudit(db, { organisationId: scope.plan.organisationId, userId: user.id, entity, entityId, action, before, after });
}

/** Whether the user may set up the plan's missing review periods (a reviewer or plan editor of the organisation). */
export function maySetUpPeriods(user: CurrentUser, plan: PlanRecord): boolean {
  return can(user, 'periods:set-up', plan.organisationId);
}

