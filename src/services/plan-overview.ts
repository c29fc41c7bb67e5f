// The plan overview: for each commitment its current RAG, lead, milestone counts (done / due in the next 30 days /
// overdue), next milestone and KPI trend; the plan's milestones due soon and overdue; filters by lead and status.
// Recurring milestones are judged by their current occurrence (see milestone-schedule.ts).
import type { Kysely } from 'kysely';
import { DEFAULT_SOON_DAYS } from '../domain/milestone-timing.ts';
import { trend, type KpiReading } from '../domain/kpi.ts';
import { ragLabel } from '../domain/rag.ts';
import { RAGS, type DueWindow, type IsoDate, type Rag } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import type { CommitmentDetail, PlanDetail, PlanRecord } from '../store/records.ts';
import { asRag } from '../store/column-values.ts';
import { getPlan } from '../store/plans-repository.ts';
import { getOrganisation } from '../store/organisations-repository.ts';
import { getUser } from '../store/users-repository.ts';
import { listKpiReadings } from '../store/kpis-repository.ts';
import { can, type CurrentUser } from './accounts.ts';
import { currentDue, currentTiming, daysUntil, type ScheduledMilestone } from './milestone-schedule.ts';
import { COMMAND_LINE_VIEWER, standingStates, updateVisibility, userViewer, type UpdateViewer } from './update-visibility.ts';
import { pageAsAt, type AsAtReason } from '../domain/as-at.ts';

type Db = Kysely<Database>;

export type RagFilter = Rag | 'unrated';
export const RAG_FILTERS: readonly RagFilter[] = [...RAGS, 'unrated'];

export interface OverviewFilters {
  /** A lead's user id, 'none' for commitments without a lead, or 'all'. */
  lead: number | 'none' | 'all';
  /** Commitments whose current RAG is one of these ('unrated': no RAG yet); empty: any. */
  rags: RagFilter[];
  /** Only commitments with at least one overdue milestone. */
  overdueOnly: boolean;
}

export const NO_FILTERS: OverviewFilters = { lead: 'all', rags: [], overdueOnly: false };

/** The filter form's query string, as sent; unknown values are ignored rather than refused. */
export interface OverviewQuery {
  lead?: string;
  rag?: string | string[];
  overdue?: string;
}

export function parseOverviewFilters(query: OverviewQuery = {}): OverviewFilters {
  const lead = query.lead?.trim() ?? '';
  const rags = [query.rag ?? []].flat();
  return {
    lead: lead === 'none' ? 'none' : /^[1-9]\d{0,9}$/.test(lead) ? Number(lead) : 'all',
    rags: RAG_FILTERS.filter((r) => rags.includes(r)),
    overdueOnly: query.overdue === 'yes',
  };
}

export interface CurrentRag {
  rag: Rag;
  /** The plan's label for it ("Red", or the plan's own wording). */
  label: string;
  /** The review period it was given for ("2019/20 Q1"); null for an update outside any period. */
  periodLabel: string | null;
  /** False for a submitted rating the reviewer has not signed off yet (shown "not yet signed off"). */
  signedOff: boolean;
}

export type KpiTrendSummary = 'improving' | 'worsening' | 'flat' | 'no-data';

export interface MilestoneCounts {
  total: number;
  done: number;
  dueSoon: number;
  overdue: number;
}

export interface DueMilestone extends ScheduledMilestone {
  /** Days until the deadline (due soon) or since it (overdue). */
  days: number;
}

export interface CommitmentOverview {
  id: number;
  number: number;
  title: string;
  rag: CurrentRag | null;
  lead: { id: number; name: string } | null;
  counts: MilestoneCounts;
  next: { milestoneId: number; text: string; due: DueWindow } | null;
  kpiTrend: KpiTrendSummary;
  kpiCount: number;
}

export interface PlanOverview {
  plan: PlanRecord;
  organisationName: string;
  /** The date the overview is as at (today, or the plan's last day once it has ended). */
  today: IsoDate;
  /** Why that date: 'plan-ended' when the plan's period is over. */
  asAtReason: AsAtReason;
  soonDays: number;
  /** Over the whole plan, whatever the filters. */
  counts: MilestoneCounts;
  commitmentCount: number;
  /** The commitments that match the filters, in plan order. */
  commitments: CommitmentOverview[];
  /** The leads of the plan's commitments, by name, for the lead filter. */
  leads: { id: number; name: string }[];
  dueSoon: DueMilestone[];
  overdue: DueMilestone[];
  filters: OverviewFilters;
  filtering: boolean;
}

/** What the overview is computed from, read from the store. */
export interface OverviewFacts {
  plan: PlanDetail;
  organisationName: string;
  /** Current RAG by commitment id. */
  rags: ReadonlyMap<number, CurrentRag>;
  /** Lead names by user id. */
  leadNames: ReadonlyMap<number, string>;
  /** Readings by KPI id. */
  readings: ReadonlyMap<number, readonly KpiReading[]>;
}

export interface OverviewOptions {
  today: IsoDate;
  /** Set by planOverview: why `today` is the date it is. */
  asAtReason?: AsAtReason;
  filters?: OverviewFilters;
  soonDays?: number;
}

function kpiTrendOf(c: CommitmentDetail, readings: OverviewFacts['readings'], today: IsoDate): KpiTrendSummary {
  const trends = c.kpis.map((k) => trend((readings.get(k.id) ?? []).filter((r) => r.date <= today), k.direction));
  // A worsening KPI is what the reader most needs to see, so it wins over the others.
  for (const t of ['worsening', 'improving', 'flat'] as const) if (trends.includes(t)) return t;
  return 'no-data';
}

function matches(c: CommitmentOverview, f: OverviewFilters): boolean {
  if (f.lead === 'none' && c.lead) return false;
  if (typeof f.lead === 'number' && c.lead?.id !== f.lead) return false;
  if (f.rags.length > 0 && !f.rags.includes(c.rag?.rag ?? 'unrated')) return false;
  return !f.overdueOnly || c.counts.overdue > 0;
}

function byDeadlineThenNumber(a: DueMilestone, b: DueMilestone): number {
  return a.due.to < b.due.to ? -1 : a.due.to > b.due.to ? 1 : a.commitmentNumber - b.commitmentNumber;
}

/** The overview of a plan as of `today` (pure: everything it needs is in `facts`). */
export function summarisePlan(facts: OverviewFacts, opts: OverviewOptions): PlanOverview {
  const { plan } = facts;
  const { commitments: _commitments, ...record } = plan;
  const { today } = opts;
  const soonDays = opts.soonDays ?? DEFAULT_SOON_DAYS;
  const filters = opts.filters ?? NO_FILTERS;
  const totals: MilestoneCounts = { total: 0, done: 0, dueSoon: 0, overdue: 0 };
  const dueSoon: DueMilestone[] = [];
  const overdue: DueMilestone[] = [];

  const all = plan.commitments.map((c): CommitmentOverview => {
    const counts: MilestoneCounts = { total: c.milestones.length, done: 0, dueSoon: 0, overdue: 0 };
    let next: CommitmentOverview['next'] = null;
    for (const m of c.milestones) {
      const due = currentDue(m, plan, today);
      const timing = currentTiming(m, plan, today, soonDays);
      const item = due && { milestoneId: m.id, commitmentId: c.id, commitmentNumber: c.number, commitmentTitle: c.title, text: m.text, due };
      if (timing === 'done') counts.done++;
      if (timing === 'due-soon' && item) {
        counts.dueSoon++;
        dueSoon.push({ ...item, days: daysUntil(item.due.to, today) });
      }
      if (timing === 'overdue' && item) {
        counts.overdue++;
        overdue.push({ ...item, days: -daysUntil(item.due.to, today) });
      }
      if ((timing === 'due-soon' || timing === 'upcoming') && due && (!next || due.to < next.due.to)) {
        next = { milestoneId: m.id, text: m.text, due };
      }
    }
    totals.total += counts.total;
    totals.done += counts.done;
    totals.dueSoon += counts.dueSoon;
    totals.overdue += counts.overdue;
    const leadName = c.leadUserId !== null ? facts.leadNames.get(c.leadUserId) : undefined;
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      rag: facts.rags.get(c.id) ?? null,
      lead: c.leadUserId !== null && leadName !== undefined ? { id: c.leadUserId, name: leadName } : null,
      counts,
      next,
      kpiTrend: kpiTrendOf(c, facts.readings, today),
      kpiCount: c.kpis.length,
    };
  });

  const leads = new Map<number, string>();
  for (const c of all) if (c.lead) leads.set(c.lead.id, c.lead.name);
  return {
    plan: record,
    organisationName: facts.organisationName,
    today,
    asAtReason: opts.asAtReason ?? 'today',
    soonDays,
    counts: totals,
    commitmentCount: all.length,
    commitments: all.filter((c) => matches(c, filters)),
    leads: [...leads].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    dueSoon: dueSoon.sort(byDeadlineThenNumber),
    overdue: overdue.sort(byDeadlineThenNumber),
    filters,
    filtering: filters.lead !== 'all' || filters.rags.length > 0 || filters.overdueOnly,
  };
}

/**
 * Each commitment's current RAG: from its newest update that has one among those the viewer may see a commitment
 * *stand at* (submitted or signed off, never a draft: see update-visibility.ts), the latest review period, then
 * the highest version. A submitted one is marked not signed off.
 */
export async function currentRags(db: Db, plan: PlanDetail, viewer: UpdateViewer = COMMAND_LINE_VIEWER): Promise<Map<number, CurrentRag>> {
  const found = new Map<number, CurrentRag>();
  const states = standingStates(updateVisibility(viewer, plan.organisationId));
  if (plan.commitments.length === 0 || states.length === 0) return found;
  const rows = await db
    .selectFrom('progress_updates as u')
    .leftJoin('review_periods as p', 'p.id', 'u.review_period_id')
    .select(['u.id', 'u.commitment_id', 'u.rag', 'u.version', 'u.created_at', 'u.state', 'p.label', 'p.ends_on'])
    .where('u.commitment_id', 'in', plan.commitments.map((c) => c.id))
    .where('u.rag', 'is not', null)
    .where('u.state', 'in', states)
    .execute();
  const key = (r: (typeof rows)[number]) => [r.ends_on ?? '', String(r.version).padStart(6, '0'), r.created_at, String(r.id).padStart(12, '0')].join('|');
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const r of rows) {
    const rag = asRag(r.rag);
    if (!rag) continue;
    const label = plan.ragScheme.find((d) => d.rag === rag)?.label ?? ragLabel(rag);
    found.set(r.commitment_id, { rag, label, periodLabel: r.label, signedOff: r.state === 'signed-off' });
  }
  return found;
}

async function readFacts(db: Db, plan: PlanDetail, viewer: UpdateViewer): Promise<OverviewFacts> {
  const leadIds = [...new Set(plan.commitments.flatMap((c) => (c.leadUserId === null ? [] : [c.leadUserId])))];
  const kpiIds = plan.commitments.flatMap((c) => c.kpis.map((k) => k.id));
  const [organisation, rags, leads, readings] = await Promise.all([
    getOrganisation(db, plan.organisationId),
    currentRags(db, plan, viewer),
    Promise.all(leadIds.map((id) => getUser(db, id))),
    Promise.all(kpiIds.map(async (id) => [id, await listKpiReadings(db, id)] as const)),
  ]);
  const leadNames = new Map<number, string>();
  for (const u of leads) if (u) leadNames.set(u.id, u.name);
  return { plan, organisationName: organisation?.name ?? '', rags, leadNames, readings: new Map(readings) };
}

/** The overview, or undefined when the plan does not exist or the user may not read it (both: 404). */
export async function planOverview(db: Db, user: CurrentUser | null | undefined, planId: number, opts: OverviewOptions): Promise<PlanOverview | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan || !can(user, 'plan:read', plan.organisationId)) return undefined;
  // A plan whose period has ended is shown as at its last day, never "overdue by 2,741 days".
  const asAt = pageAsAt(opts.today, plan.period);
  return summarisePlan(await readFacts(db, plan, userViewer(user)), { ...opts, today: asAt.date, asAtReason: asAt.reason });
}
