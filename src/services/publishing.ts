// Publishing a plan: the plan owner makes it public (or takes it down again), and what the public sees of it.
//
// The public view is built from an allow-list: plan title, organisation, period, each commitment's number, title,
// summary and KPI names, its milestones (text, due date, status) and the latest SIGNED-OFF progress update's RAG
// and narrative. Nothing else is copied into it, so drafts, updates awaiting sign-off, the organisation's
// responses, evidence, KPI readings and the names or e-mail addresses of individuals can never reach a public page.
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { safeCsvRows } from '../export/csv-cell.ts';
import type { DueWindow, IsoDate, MilestoneStatus, Rag } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import type { PlanRecord, ProgressUpdateRecord } from '../store/records.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { getOrganisation } from '../store/organisations-repository.ts';
import { getPlan, getPlanRecord, updatePlan } from '../store/plans-repository.ts';
import { listReviewPeriods } from '../store/review-periods-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { can, type CurrentUser } from './accounts.ts';
import { NotFoundError } from './plans.ts';
import { PUBLIC_VIEWER, updateVisibility, visibleUpdates } from './update-visibility.ts';
import { pageAsAt } from '../domain/as-at.ts';

type Db = Kysely<Database>;

export class PublishForbiddenError extends Error {
  override name = 'PublishForbiddenError';
}

export interface PublicMilestone {
  text: string;
  due: DueWindow | null;
  status: MilestoneStatus;
}

export interface PublicUpdate {
  /** "2019/20 Q1" */
  periodLabel: string;
  rag: Rag | null;
  narrative: string;
}

export interface PublicCommitment {
  number: number;
  title: string;
  summary: string;
  kpis: string[];
  milestones: PublicMilestone[];
  latestUpdate: PublicUpdate | null;
}

export interface PublicPlan {
  id: number;
  /** "12-lancashire-lep-improvement-plan-2019-20": the id, then the title for readable addresses. */
  slug: string;
  title: string;
  organisationName: string;
  period: DueWindow | null;
  /** The date the page is as at: today, or the plan's last day once it has ended. */
  asAt: IsoDate;
  commitments: PublicCommitment[];
}

/** "12-lancashire-lep-improvement-plan-2019-20". */
export function publicSlug(plan: Pick<PlanRecord, 'id' | 'title'>): string {
  const words = plan.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `${plan.id}-${words}` : String(plan.id);
}

/** The plan id in a public address ("12", "12-some-title"), or null. */
export function planIdFromSlug(slugOrId: string): number | null {
  const match = /^(\d{1,9})(?:-[a-z0-9-]*)?$/.exec(slugOrId);
  return match?.[1] ? Number(match[1]) : null;
}

/** Publishes or unpublishes the plan; an audit event records who did it. */
export async function setPlanPublished(db: Db, user: CurrentUser, planId: number, published: boolean): Promise<PlanRecord> {
  return inTransaction(db, async (trx) => {
    const before = await getPlanRecord(trx, planId);
    if (!before || !can(user, 'plan:read', before.organisationId)) throw new NotFoundError(`There is no plan ${planId}`);
    if (!can(user, 'plan:publish', before.organisationId)) throw new PublishForbiddenError('Only the plan owner or an admin can publish this plan');
    const after = await updatePlan(trx, planId, { published });
    if (!after) throw new NotFoundError(`There is no plan ${planId}`);
    await recordAudit(trx, {
      organisationId: after.organisationId,
      userId: user.id,
      entity: 'plan',
      entityId: planId,
      action: published ? 'publish' : 'unpublish',
      before: { published: before.published },
      after: { published: after.published },
    });
    return after;
  });
}

/** The latest update the public may see (signed off: see update-visibility.ts): the latest period, then version. */
function latestSignedOff(updates: readonly ProgressUpdateRecord[], periodOrder: Map<number, { label: string; index: number }>, organisationId: number): PublicUpdate | null {
  let best: { update: ProgressUpdateRecord; index: number } | null = null;
  for (const u of visibleUpdates(updateVisibility(PUBLIC_VIEWER, organisationId), updates)) {
    if (u.reviewPeriodId === null) continue;
    const period = periodOrder.get(u.reviewPeriodId);
    if (!period) continue;
    if (!best || period.index > best.index || (period.index === best.index && u.version > best.update.version)) best = { update: u, index: period.index };
  }
  if (!best) return null;
  const label = periodOrder.get(best.update.reviewPeriodId ?? -1)?.label ?? '';
  return { periodLabel: label, rag: best.update.rag, narrative: best.update.narrative };
}

/** What the public sees of the plan, or undefined when there is no such plan or it is not published. */
export async function getPublicPlan(db: Db, planId: number, today: IsoDate): Promise<PublicPlan | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan || !plan.published) return undefined;
  const [organisation, periods] = await Promise.all([getOrganisation(db, plan.organisationId), listReviewPeriods(db, plan.id)]);
  const periodOrder = new Map(periods.map((p, index) => [p.id, { label: p.label, index }]));
  return {
    id: plan.id,
    slug: publicSlug(plan),
    title: plan.title,
    organisationName: organisation?.name ?? '',
    period: plan.period,
    asAt: pageAsAt(today, plan.period).date,
    commitments: plan.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      summary: c.summary,
      kpis: c.kpis.map((k) => k.text),
      milestones: c.milestones.map((m) => ({ text: m.text, due: m.due, status: m.status })),
      latestUpdate: latestSignedOff(c.updates, periodOrder, plan.organisationId),
    })),
  };
}

const STATUS_WORDS: Record<MilestoneStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };

export const PUBLIC_CSV_COLUMNS = [
  'Organisation',
  'Plan',
  'Commitment number',
  'Commitment',
  'Milestone',
  'Due from',
  'Due by',
  'Milestone status',
  'Latest signed-off update period',
  'RAG',
  'Latest signed-off update',
] as const;

/** The public content as CSV: one row per milestone (a commitment without milestones gets one row). */
export function publicPlanCsv(plan: PublicPlan): string {
  const rows: string[][] = [];
  for (const c of plan.commitments) {
    const update = c.latestUpdate;
    const common = [plan.organisationName, plan.title, String(c.number), c.title];
    const tail = [update?.periodLabel ?? '', update?.rag ? update.rag.charAt(0).toUpperCase() + update.rag.slice(1) : '', update?.narrative ?? ''];
    const milestones: (PublicMilestone | null)[] = c.milestones.length > 0 ? c.milestones : [null];
    for (const m of milestones) {
      rows.push([...common, m?.text ?? '', m?.due?.from ?? '', m?.due?.to ?? '', m ? STATUS_WORDS[m.status] : '', ...tail]);
    }
  }
  return stringify(safeCsvRows(rows), { header: true, columns: [...PUBLIC_CSV_COLUMNS], bom: true, eof: true });
}
