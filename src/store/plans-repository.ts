// Plans: saving an imported draft in one transaction, reading a plan with everything in it, plan settings.
import type { Kysely, Selectable } from 'kysely';
import { DEFAULT_RAG_SCHEME } from '../domain/rag.ts';
import type { PlanDraft, RagDefinition } from '../domain/types.ts';
import { RAGS } from '../domain/types.ts';
import type { Database, PlansTable } from './schema.ts';
import type { CommitmentDetail, PlanDetail, PlanRecord } from './records.ts';
import { PLAN_STATUSES, REVIEW_CADENCES, now, oneOf, windowColumns, windowOf } from './column-values.ts';
import { toCommitmentRecord } from './commitments-repository.ts';
import { toKpiRecord } from './kpis-repository.ts';
import { toMilestoneRecord } from './milestones-repository.ts';
import { toMonitoringItemRecord } from './monitoring-repository.ts';
import { toProgressUpdateRecord } from './progress-updates-rows.ts';
import { tableRows } from './table-rows.ts';
import { inTransaction } from './transaction.ts';

export interface SavePlanOptions {
  /** The file the plan came from. */
  sourceName?: string;
  /** Title when the draft has none (default "Improvement plan"). */
  title?: string;
}

export type PlanChanges = Partial<
  Pick<PlanRecord, 'title' | 'period' | 'status' | 'reviewCadence' | 'fyStartMonth' | 'ragScheme' | 'sourceName' | 'published'>
>;

function ragSchemeOf(text: string): RagDefinition[] {
  const parsed: unknown = JSON.parse(text);
  const valid =
    Array.isArray(parsed) &&
    parsed.every((d: Partial<RagDefinition>) => RAGS.some((r) => r === d.rag) && typeof d.label === 'string' && typeof d.meaning === 'string');
  if (!valid) throw new Error(`Unexpected value ${text} in plans.rag_scheme`);
  return parsed as RagDefinition[];
}

function toPlanRecord(row: Selectable<PlansTable>): PlanRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    period: windowOf(row.period_from, row.period_to),
    status: oneOf(PLAN_STATUSES, row.status, 'plans.status'),
    reviewCadence: oneOf(REVIEW_CADENCES, row.review_cadence, 'plans.review_cadence'),
    fyStartMonth: row.fy_start_month,
    ragScheme: ragSchemeOf(row.rag_scheme),
    sourceName: row.source_name,
    published: Boolean(row.published),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}


const planRows = tableRows('plans', toPlanRecord);

/**
 * Stores a plan read from a document: the plan, its commitments with their KPIs, milestones (baseline = due as
 * imported), monitoring items, and the Area Lead texts as submitted progress updates outside any review period.
 * All in one transaction: on any failure nothing is stored. Returns the new plan's id.
 */
export async function savePlanDraft(
  db: Kysely<Database>,
  organisationId: number,
  draft: PlanDraft,
  opts: SavePlanOptions = {},
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const at = now();
    const period = windowColumns(draft.period);
    const plan = await trx
      .insertInto('plans')
      .values({
        organisation_id: organisationId,
        title: draft.title ?? opts.title ?? 'Improvement plan',
        period_from: period.from,
        period_to: period.to,
        status: 'active',
        review_cadence: 'quarterly',
        fy_start_month: 4,
        rag_scheme: JSON.stringify(DEFAULT_RAG_SCHEME),
        source_name: opts.sourceName ?? null,
        published: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    for (const [position, c] of draft.commitments.entries()) {
      const { id: commitmentId } = await trx
        .insertInto('commitments')
        .values({ plan_id: plan.id, number: c.number, position, title: c.title, summary: c.summary, lead_user_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (c.kpis.length > 0) {
        await trx
          .insertInto('kpis')
          .values(c.kpis.map((k, i) => ({ commitment_id: commitmentId, position: i, text: k.text, direction: 'higher' })))
          .execute();
      }
      if (c.milestones.length > 0) {
        await trx
          .insertInto('milestones')
          .values(
            c.milestones.map((m, i) => {
              const due = windowColumns(m.due);
              const baseline = m.baseline === undefined ? due : windowColumns(m.baseline);
              return {
                commitment_id: commitmentId,
                position: i,
                text: m.text,
                due_from: due.from,
                due_to: due.to,
                baseline_from: baseline.from,
                baseline_to: baseline.to,
                recurrence: m.recurrence,
                status: 'not-started',
              };
            }),
          )
          .execute();
      }
      if (c.monitoring.length > 0) {
        await trx
          .insertInto('monitoring_items')
          .values(c.monitoring.map((m, i) => ({ commitment_id: commitmentId, position: i, text: m.text })))
          .execute();
      }
      if (c.updates.length > 0) {
        await trx
          .insertInto('progress_updates')
          .values(
            c.updates.map((u) => ({
              commitment_id: commitmentId,
              review_period_id: null,
              version: 1,
              narrative: u.text,
              kpi_refs: '[]',
              state: 'submitted',
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
      }
    }
    return plan.id;
  });
}

/** What a plan made by hand starts with: its settings and no commitments. */
export type NewPlan = Pick<PlanRecord, 'title' | 'period' | 'status' | 'reviewCadence' | 'fyStartMonth'>;

/** Stores a new, empty plan made by hand (the default RAG scheme, not published). */
export async function createPlan(db: Kysely<Database>, organisationId: number, input: NewPlan): Promise<PlanRecord> {
  const at = now();
  const period = windowColumns(input.period);
  return planRows.insert(db, {
    organisation_id: organisationId,
    title: input.title,
    period_from: period.from,
    period_to: period.to,
    status: input.status,
    review_cadence: input.reviewCadence,
    fy_start_month: input.fyStartMonth,
    rag_scheme: JSON.stringify(DEFAULT_RAG_SCHEME),
    source_name: null,
    published: 0,
    created_at: at,
    updated_at: at,
  });
}

/** The plan settings, without its contents. */
export async function getPlanRecord(db: Kysely<Database>, id: number): Promise<PlanRecord | undefined> {
  return planRows.byId(db, id);
}

/** The plan with its commitments (in order), each with KPIs, milestones, monitoring items and updates. */
export async function getPlan(db: Kysely<Database>, id: number): Promise<PlanDetail | undefined> {
  const plan = await getPlanRecord(db, id);
  if (!plan) return undefined;
  const ofPlan = db.selectFrom('commitments').select('id').where('plan_id', '=', id);
  const [commitments, kpis, milestones, monitoring, updates] = await Promise.all([
    db.selectFrom('commitments').selectAll().where('plan_id', '=', id).orderBy('position').orderBy('id').execute(),
    db.selectFrom('kpis').selectAll().where('commitment_id', 'in', ofPlan).orderBy('position').orderBy('id').execute(),
    db.selectFrom('milestones').selectAll().where('commitment_id', 'in', ofPlan).orderBy('position').orderBy('id').execute(),
    db.selectFrom('monitoring_items').selectAll().where('commitment_id', 'in', ofPlan).orderBy('position').orderBy('id').execute(),
    db.selectFrom('progress_updates').selectAll().where('commitment_id', 'in', ofPlan).orderBy('created_at').orderBy('id').execute(),
  ]);
  const byId = new Map<number, CommitmentDetail>();
  const details = commitments.map((row) => {
    const detail: CommitmentDetail = { ...toCommitmentRecord(row), kpis: [], milestones: [], monitoring: [], updates: [] };
    byId.set(detail.id, detail);
    return detail;
  });
  // The five reads may see a commitment added between them: its rows are left out, as if read a moment earlier.
  for (const row of kpis) byId.get(row.commitment_id)?.kpis.push(toKpiRecord(row));
  for (const row of milestones) byId.get(row.commitment_id)?.milestones.push(toMilestoneRecord(row));
  for (const row of monitoring) byId.get(row.commitment_id)?.monitoring.push(toMonitoringItemRecord(row));
  for (const row of updates) byId.get(row.commitment_id)?.updates.push(toProgressUpdateRecord(row));
  return { ...plan, commitments: details };
}

/** The organisation's plans, newest first. */
export async function listPlans(db: Kysely<Database>, organisationId: number): Promise<PlanRecord[]> {
  const rows = await db
    .selectFrom('plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toPlanRecord);
}

export async function updatePlan(db: Kysely<Database>, id: number, changes: PlanChanges): Promise<PlanRecord | undefined> {
  if (changes.fyStartMonth !== undefined && !(Number.isInteger(changes.fyStartMonth) && changes.fyStartMonth >= 1 && changes.fyStartMonth <= 12)) {
    throw new Error(`The financial year must start in month 1 to 12, got ${changes.fyStartMonth}`);
  }
  const period = changes.period !== undefined ? windowColumns(changes.period) : undefined;
  const row = await db
    .updateTable('plans')
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(period && { period_from: period.from, period_to: period.to }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.reviewCadence !== undefined && { review_cadence: changes.reviewCadence }),
      ...(changes.fyStartMonth !== undefined && { fy_start_month: changes.fyStartMonth }),
      ...(changes.ragScheme !== undefined && { rag_scheme: JSON.stringify(changes.ragScheme) }),
      ...(changes.sourceName !== undefined && { source_name: changes.sourceName }),
      ...(changes.published !== undefined && { published: changes.published ? 1 : 0 }),
      updated_at: now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toPlanRecord(row);
}

/** Deletes the plan and everything in it (commitments, milestones, KPIs, evidence, review periods, updates). */
export async function deletePlan(db: Kysely<Database>, id: number): Promise<boolean> {
  return planRows.deleteById(db, id);
}
