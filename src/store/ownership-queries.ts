// Which organisation (and plan) a stored thing belongs to: for audit events and authorisation checks.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type Owned =
  | { plan: number }
  | { commitment: number }
  | { milestone: number }
  | { kpi: number }
  | { monitoringItem: number };

export interface Owner {
  organisationId: number;
  planId: number;
}

/** The organisation and plan of the thing, or undefined when it does not exist. */
export async function ownerOf(db: Kysely<Database>, thing: Owned): Promise<Owner | undefined> {
  const plans = db.selectFrom('plans').select(['plans.organisation_id as organisationId', 'plans.id as planId']);
  if ('plan' in thing) return plans.where('plans.id', '=', thing.plan).executeTakeFirst();
  const commitments = plans.innerJoin('commitments', 'commitments.plan_id', 'plans.id');
  if ('commitment' in thing) return commitments.where('commitments.id', '=', thing.commitment).executeTakeFirst();
  if ('milestone' in thing) {
    return commitments
      .innerJoin('milestones', 'milestones.commitment_id', 'commitments.id')
      .where('milestones.id', '=', thing.milestone)
      .executeTakeFirst();
  }
  if ('kpi' in thing) {
    return commitments.innerJoin('kpis', 'kpis.commitment_id', 'commitments.id').where('kpis.id', '=', thing.kpi).executeTakeFirst();
  }
  return commitments
    .innerJoin('monitoring_items', 'monitoring_items.commitment_id', 'commitments.id')
    .where('monitoring_items.id', '=', thing.monitoringItem)
    .executeTakeFirst();
}
