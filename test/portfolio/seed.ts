// A small portfolio with every case the roll-up must tell apart, written straight into a test store, as at
// 1 December 2026 (2026/27 Q1 and Q2 have ended, Q3 has not):
//   Whitcombe Borough Council (reviewer): commitment 1 green → red (signed off: worse, new red), 2 amber → green
//     (submitted, not yet signed off: better), 3 red → none in Q2 (only a draft: outstanding); one overdue
//     milestone, one moved later, a KPI off trajectory.
//   Brackmere District Council (admin): two commitments, no change, nothing overdue; its plan's title starts "=".
//   Caldwick City Council: the reviewer is only a viewer there, so it is not covered; it has a red of its own.
// Users: the reviewer, and a viewer of Caldwick alone.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/services/accounts.ts';
import { DEFAULT_RAG_SCHEME } from '../../src/domain/rag.ts';
import type { Database } from '../../src/store/schema.ts';

export const TODAY = '2026-12-01';
export const PASSWORD = 'portfolio-test-2026';
export const Q1 = { label: '2026/27 Q1', from: '2026-04-01', to: '2026-06-30', due: '2026-07-14' };
export const Q2 = { label: '2026/27 Q2', from: '2026-07-01', to: '2026-09-30', due: '2026-10-14' };
export const Q3 = { label: '2026/27 Q3', from: '2026-10-01', to: '2026-12-31', due: '2027-01-14' };

type Db = Kysely<Database>;
const AT = '2026-10-20T10:00:00.000Z';

async function user(db: Db, email: string, name: string): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email, name, password_hash: await hashPassword(PASSWORD), created_at: AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function organisation(db: Db, name: string): Promise<number> {
  return (await db.insertInto('organisations').values({ name, created_at: AT }).returning('id').executeTakeFirstOrThrow()).id;
}

async function plan(db: Db, organisationId: number, title: string): Promise<{ planId: number; periods: Record<string, number> }> {
  const { id: planId } = await db
    .insertInto('plans')
    .values({
      organisation_id: organisationId, title, period_from: '2026-04-01', period_to: '2027-03-31', status: 'active',
      review_cadence: 'quarterly', fy_start_month: 4, rag_scheme: JSON.stringify(DEFAULT_RAG_SCHEME), source_name: null,
      published: 0, created_at: AT, updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const periods: Record<string, number> = {};
  for (const p of [Q1, Q2, Q3]) {
    const row = await db
      .insertInto('review_periods')
      .values({ plan_id: planId, label: p.label, starts_on: p.from, ends_on: p.to, due_on: p.due, status: 'open', signed_off_at: null, signed_off_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    periods[p.label] = row.id;
  }
  return { planId, periods };
}

async function commitment(db: Db, planId: number, number: number, title: string): Promise<number> {
  return (
    await db
      .insertInto('commitments')
      .values({ plan_id: planId, number, position: number, title, summary: '', lead_user_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function update(db: Db, commitmentId: number, periodId: number, rag: string, state: 'draft' | 'submitted' | 'signed-off'): Promise<void> {
  await db
    .insertInto('progress_updates')
    .values({
      commitment_id: commitmentId, review_period_id: periodId, version: 1, rag, narrative: `Update rated ${rag}`, kpi_refs: '[]',
      response: null, state, correction_reason: null, created_by: null, created_at: AT, updated_at: AT,
      signed_off_at: state === 'signed-off' ? AT : null,
    })
    .execute();
}

async function milestone(db: Db, commitmentId: number, text: string, due: string, baseline: string, status: string): Promise<void> {
  await db
    .insertInto('milestones')
    .values({
      commitment_id: commitmentId, position: 1, text, due_from: due, due_to: due, baseline_from: baseline, baseline_to: baseline,
      recurrence: null, status, done_on: status === 'done' ? due : null,
    })
    .execute();
}

export interface SeededPortfolio {
  reviewerEmail: string;
  viewerEmail: string;
  whitcombe: { organisationId: number; planId: number; commitments: number[] };
  brackmere: { organisationId: number; planId: number };
  caldwick: { organisationId: number; planId: number };
}

export async function seedPortfolio(db: Db): Promise<SeededPortfolio> {
  const reviewer = await user(db, 'rita.reviewer@example.gov.uk', 'Rita Reviewer');
  const viewer = await user(db, 'vic.viewer@example.gov.uk', 'Vic Viewer');

  const whitcombeId = await organisation(db, 'Whitcombe Borough Council');
  const brackmereId = await organisation(db, 'Brackmere District Council');
  const caldwickId = await organisation(db, 'Caldwick City Council');
  await db
    .insertInto('memberships')
    .values([
      { user_id: reviewer, organisation_id: whitcombeId, role: 'reviewer' },
      { user_id: reviewer, organisation_id: brackmereId, role: 'admin' },
      { user_id: reviewer, organisation_id: caldwickId, role: 'viewer' },
      { user_id: viewer, organisation_id: caldwickId, role: 'viewer' },
    ])
    .execute();

  const w = await plan(db, whitcombeId, 'Whitcombe improvement plan 2026/27');
  const w1 = await commitment(db, w.planId, 1, 'Strong and diverse leadership');
  const w2 = await commitment(db, w.planId, 2, 'Open and transparent decisions');
  const w3 = await commitment(db, w.planId, 3, 'Sound finances');
  await update(db, w1, w.periods[Q1.label]!, 'green', 'signed-off');
  await update(db, w2, w.periods[Q1.label]!, 'amber', 'signed-off');
  await update(db, w3, w.periods[Q1.label]!, 'red', 'signed-off');
  await update(db, w1, w.periods[Q2.label]!, 'red', 'signed-off');
  await update(db, w2, w.periods[Q2.label]!, 'green', 'submitted');
  // A draft is the reviewer's work in progress: never a rating in the grid.
  await update(db, w3, w.periods[Q2.label]!, 'blue', 'draft');
  await milestone(db, w1, 'Appoint a permanent chair', '2026-10-01', '2026-10-01', 'not-started');
  await milestone(db, w1, 'Publish the board register', '2026-09-01', '2026-09-01', 'done');
  await milestone(db, w2, 'Refresh the assurance framework', '2027-02-01', '2026-12-15', 'in-progress');
  const { id: kpiId } = await db
    .insertInto('kpis')
    .values({ commitment_id: w1, position: 1, text: 'Women on the board', unit: '%', baseline: 0, target: 100, target_date: '2027-03-31', direction: 'higher' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('kpi_readings').values({ kpi_id: kpiId, date: '2026-09-30', value: 10, note: null, source: null }).execute();

  const b = await plan(db, brackmereId, '=SUM(1+1) Brackmere plan');
  const b1 = await commitment(db, b.planId, 1, 'Better housing');
  const b2 = await commitment(db, b.planId, 2, 'Faster planning');
  await update(db, b1, b.periods[Q1.label]!, 'green', 'signed-off');
  await update(db, b2, b.periods[Q1.label]!, 'amber', 'signed-off');
  await update(db, b1, b.periods[Q2.label]!, 'green', 'signed-off');
  await update(db, b2, b.periods[Q2.label]!, 'amber', 'signed-off');

  const c = await plan(db, caldwickId, 'Caldwick plan');
  const c1 = await commitment(db, c.planId, 1, 'Caldwick secret commitment');
  await update(db, c1, c.periods[Q2.label]!, 'red', 'signed-off');
  await milestone(db, c1, 'Caldwick overdue milestone', '2026-08-01', '2026-08-01', 'not-started');

  return {
    reviewerEmail: 'rita.reviewer@example.gov.uk',
    viewerEmail: 'vic.viewer@example.gov.uk',
    whitcombe: { organisationId: whitcombeId, planId: w.planId, commitments: [w1, w2, w3] },
    brackmere: { organisationId: brackmereId, planId: b.planId },
    caldwick: { organisationId: caldwickId, planId: c.planId },
  };
}
