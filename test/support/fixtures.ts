// Test data: a user row and a realistic plan draft shaped like the seed plan.
import type { Kysely } from 'kysely';
import type { PlanDraft } from '../../src/domain/types.ts';
import type { Database } from '../../src/store/schema.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan, savePlanDraft } from '../../src/store/plans-repository.ts';

let users = 0;

/** Inserts a user (straight into the table) and returns its id. */
export async function insertTestUser(db: Kysely<Database>, name = 'Area Lead'): Promise<number> {
  users += 1;
  const row = await db
    .insertInto('users')
    .values({
      email: `user${users}-${Date.now()}@example.gov.uk`,
      name,
      password_hash: 'not-a-real-hash',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Three commitments with dated, undated and recurring milestones, KPIs, monitoring and one Area Lead update. */
export function realisticPlanDraft(): PlanDraft {
  return {
    title: 'Lancashire LEP improvement plan 2019/20',
    period: { from: '2019-04-01', to: '2020-03-31' },
    commitments: [
      {
        number: 1,
        title: 'We will provide strong, stable and diverse leadership',
        summary: 'The Board will reflect the diversity of Lancashire’s business community.',
        kpis: [{ text: 'KPI: 33% of Board members are women by 2020' }],
        milestones: [
          { text: 'Appointment of Permanent Chair by April/May 2019', due: { from: '2019-04-01', to: '2019-05-31' }, recurrence: null },
          { text: 'Performance Appraisal of Board Members', due: null, recurrence: null },
          { text: 'Board diversity report – Quarterly', due: null, recurrence: 'quarterly' },
        ],
        monitoring: [{ text: 'Board reports detailing succession plans' }, { text: 'Sent to CLG July 2019' }],
        updates: [{ text: 'Q1 2019/20 (Amber): Chair appointed; diversity work “in progress”.' }],
      },
      {
        number: 2,
        title: 'We will improve our governance and transparency',
        summary: '',
        kpis: [],
        milestones: [
          { text: 'Workshop 1 – Wednesday 15th May', due: { from: '2019-05-15', to: '2019-05-15' }, recurrence: null },
          { text: 'Assurance framework refreshed by end of Q2', due: { from: '2019-09-30', to: '2019-09-30' }, recurrence: null },
        ],
        monitoring: [{ text: 'Published register of interests' }],
        updates: [],
      },
      {
        number: 3,
        title: 'We will deliver the Local Industrial Strategy',
        summary: 'Second paragraph of the summary.\nWith a line break.',
        kpis: [{ text: 'KPI: GVA growth above the national average' }, { text: 'KPI: 500 apprenticeships a year' }],
        milestones: [{ text: 'Draft strategy 04/11/2019 – 13/12/2019', due: { from: '2019-11-04', to: '2019-12-13' }, recurrence: null }],
        monitoring: [],
        updates: [],
      },
    ],
    warnings: [],
  };
}

/** An organisation holding the realistic plan; returns the stored plan. */
export async function seedPlan(db: Kysely<Database>, organisation = 'Lancashire LEP'): Promise<PlanDetail> {
  const org = await createOrganisation(db, organisation);
  const plan = await getPlan(db, await savePlanDraft(db, org.id, realisticPlanDraft()));
  if (!plan) throw new Error('seeded plan could not be read back');
  return plan;
}

/** The item at `index`, failing the test when there is none. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index} among ${items.length}`);
  return item;
}
