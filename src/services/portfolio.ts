// The portfolio: every organisation a user reviews or administers, at a glance. The roll-up (a RAG grid of plans ×
// commitments for one review period, with overdue milestones, updates outstanding and changes since the previous
// period) and the exception report across it.
//
// No query per row: each kind of thing (plans, periods, commitments, updates, overdue counts, milestones, KPIs,
// readings) is loaded for all covered plans at once, with `plan_id in (select … where organisation_id in (…))`,
// so the number of queries stays the same for 3 organisations or 300.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { IsoDate, MilestoneStatus, Rag, Role, UpdateState } from '../domain/types.ts';
import {
  changeCounts,
  filterAndSort,
  gridCell,
  type GridFilters,
  type GridRow,
  type SeenRating,
} from '../domain/portfolio.ts';
import { ratingExceptions, slippedMilestones, type ExceptionReport, type OffTrackKpi } from '../domain/portfolio-exceptions.ts';
import { kpiStatus } from '../domain/kpi.ts';
import type { KpiDirection } from '../domain/types.ts';
import type { CurrentUser } from './accounts.ts';
import { standingStates, updateVisibility, userViewer } from './update-visibility.ts';
import { measurableKpi } from './kpi-model.ts';

type Db = Kysely<Database>;

/** The roles that give a user an organisation in their portfolio. */
export const COVERING_ROLES: readonly Role[] = ['reviewer', 'admin'];

export interface CoveredOrganisation {
  id: number;
  name: string;
  /** Why it is covered: the user's covering roles there. */
  roles: Role[];
}

/** Every organisation where the user is a reviewer or an admin, by name. */
export function coveredOrganisations(user: CurrentUser): CoveredOrganisation[] {
  const byId = new Map<number, CoveredOrganisation>();
  for (const m of user.memberships) {
    // An archived organisation is no longer overseen: it leaves the portfolio (its plans stay readable).
    if (!COVERING_ROLES.includes(m.role) || m.organisationArchived === true) continue;
    const org = byId.get(m.organisationId) ?? { id: m.organisationId, name: m.organisationName, roles: [] };
    if (!org.roles.includes(m.role)) org.roles.push(m.role);
    byId.set(m.organisationId, org);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Does the user have a portfolio at all (for the navigation link)? */
export function hasPortfolio(user: CurrentUser | null | undefined): boolean {
  return !!user && user.memberships.some((m) => COVERING_ROLES.includes(m.role) && m.organisationArchived !== true);
}

export interface PeriodChoice {
  label: string;
  endsOn: IsoDate;
  ended: boolean;
}

export interface PortfolioRequest {
  /** A review period label ("2026/27 Q2"); default: the latest period that has ended. */
  period?: string;
  filters: GridFilters;
}

export interface RollUp {
  covered: CoveredOrganisation[];
  /** Every period label the covered plans have, latest first. */
  periods: PeriodChoice[];
  /** The period shown (null: the covered plans have no review periods). */
  period: string | null;
  /** The commitment numbers: the grid's columns. */
  numbers: number[];
  /** Rows the filters keep, in order. */
  rows: GridRow[];
  /** Every row before filtering. */
  allRows: GridRow[];
  totals: { plans: number; reds: number; notSignedOff: number; better: number; worse: number; newRed: number; overdue: number; outstanding: number };
  asAt: IsoDate;
}

interface PlanRow {
  id: number;
  organisationId: number;
  title: string;
  periodFrom: string | null;
}

interface PeriodRow {
  id: number;
  planId: number;
  label: string;
  startsOn: string;
  endsOn: string;
}

/** The covered organisations' plans, as a subquery (so no list of plan ids is sent back and forth). */
function coveredPlanIds(db: Db, organisationIds: readonly number[]) {
  return db.selectFrom('plans').select('plans.id').where('plans.organisation_id', 'in', [...organisationIds]);
}

function periodChoices(periods: readonly PeriodRow[], today: IsoDate): PeriodChoice[] {
  const byLabel = new Map<string, PeriodChoice>();
  for (const p of periods) {
    const known = byLabel.get(p.label);
    if (!known || p.endsOn > known.endsOn) byLabel.set(p.label, { label: p.label, endsOn: p.endsOn, ended: p.endsOn < today });
  }
  return [...byLabel.values()].sort((a, b) => (a.endsOn < b.endsOn ? 1 : a.endsOn > b.endsOn ? -1 : a.label.localeCompare(b.label)));
}

function chosenPeriod(choices: readonly PeriodChoice[], asked: string | undefined): string | null {
  if (asked && choices.some((c) => c.label === asked)) return asked;
  return (choices.find((c) => c.ended) ?? choices[choices.length - 1])?.label ?? null;
}

/** For each plan: the chosen period and the one before it (the latest that ended before the chosen one began). */
function periodsOfPlans(periods: readonly PeriodRow[], label: string | null): Map<number, { current: PeriodRow; previous: PeriodRow | null }> {
  const out = new Map<number, { current: PeriodRow; previous: PeriodRow | null }>();
  if (label === null) return out;
  for (const p of periods) if (p.label === label) out.set(p.planId, { current: p, previous: null });
  for (const p of periods) {
    const entry = out.get(p.planId);
    if (!entry || p.endsOn >= entry.current.startsOn) continue;
    if (!entry.previous || p.endsOn > entry.previous.endsOn) entry.previous = p;
  }
  return out;
}

interface Loaded {
  covered: CoveredOrganisation[];
  plans: PlanRow[];
  periods: PeriodRow[];
  choices: PeriodChoice[];
  period: string | null;
  rows: GridRow[];
}

/** Loads the grid's rows for every covered plan: a fixed number of queries whatever the portfolio's size. */
async function loadRows(db: Db, user: CurrentUser, asked: string | undefined, today: IsoDate): Promise<Loaded> {
  const covered = coveredOrganisations(user);
  if (covered.length === 0) return { covered, plans: [], periods: [], choices: [], period: null, rows: [] };
  const orgIds = covered.map((o) => o.id);

  const plans: PlanRow[] = await db
    .selectFrom('plans')
    .select(['id', 'organisation_id as organisationId', 'title', 'period_from as periodFrom'])
    .where('organisation_id', 'in', orgIds)
    .orderBy('id')
    .execute();
  const periods: PeriodRow[] = await db
    .selectFrom('review_periods')
    .select(['id', 'plan_id as planId', 'label', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where('plan_id', 'in', coveredPlanIds(db, orgIds))
    .execute();
  const commitments = await db
    .selectFrom('commitments')
    .select(['id', 'plan_id as planId', 'number', 'title'])
    .where('plan_id', 'in', coveredPlanIds(db, orgIds))
    .orderBy('plan_id')
    .orderBy('position')
    .execute();

  const choices = periodChoices(periods, today);
  const period = chosenPeriod(choices, asked);
  const planPeriods = periodsOfPlans(periods, period);
  const periodIds = [...planPeriods.values()].flatMap((e) => (e.previous ? [e.current.id, e.previous.id] : [e.current.id]));

  const updates =
    periodIds.length === 0
      ? []
      : await db
          .selectFrom('progress_updates')
          .select(['commitment_id as commitmentId', 'review_period_id as periodId', 'version', 'rag', 'state'])
          .where('review_period_id', 'in', periodIds)
          .where('state', 'in', ['submitted', 'signed-off'])
          .execute();

  // Open milestones past their deadline, counted per plan by the database.
  const overdueRows = await db
    .selectFrom('milestones')
    .innerJoin('commitments', 'commitments.id', 'milestones.commitment_id')
    .select(['commitments.plan_id as planId', sql<number>`count(*)`.as('overdue')])
    .where('commitments.plan_id', 'in', coveredPlanIds(db, orgIds))
    .where('milestones.status', 'not in', ['done', 'dropped'])
    .where('milestones.due_to', '<', today)
    .groupBy('commitments.plan_id')
    .execute();
  const overdue = new Map(overdueRows.map((r) => [r.planId, Number(r.overdue)]));

  // What each organisation's viewer may stand a commitment at (never a draft).
  const states = new Map(covered.map((o) => [o.id, new Set<UpdateState>(standingStates(updateVisibility(userViewer(user), o.id)))]));
  const planOrg = new Map(plans.map((p) => [p.id, p.organisationId]));
  const commitmentPlan = new Map(commitments.map((c) => [c.id, c.planId]));
  const ratings = new Map<string, { version: number; rating: SeenRating | null }>();
  for (const u of updates) {
    const orgId = planOrg.get(commitmentPlan.get(u.commitmentId) ?? -1);
    if (orgId === undefined || !states.get(orgId)?.has(u.state as UpdateState)) continue;
    const key = `${u.commitmentId}:${u.periodId}`;
    const known = ratings.get(key);
    if (known && known.version > u.version) continue;
    ratings.set(key, { version: u.version, rating: u.rag ? { rag: u.rag as Rag, signedOff: u.state === 'signed-off' } : null });
  }

  const commitmentsOf = new Map<number, typeof commitments>();
  for (const c of commitments) {
    const list = commitmentsOf.get(c.planId);
    if (list) list.push(c);
    else commitmentsOf.set(c.planId, [c]);
  }
  const orgName = new Map(covered.map((o) => [o.id, o.name]));

  const rows: GridRow[] = plans.map((p) => {
    const entry = planPeriods.get(p.id);
    const list = commitmentsOf.get(p.id) ?? [];
    const cells = list.map((c) => {
      const now = entry ? ratings.get(`${c.id}:${entry.current.id}`) : undefined;
      const before = entry?.previous ? ratings.get(`${c.id}:${entry.previous.id}`) : undefined;
      return gridCell(c, now?.rating ?? null, before?.rating ?? null, !!entry?.previous);
    });
    const answered = entry ? list.filter((c) => ratings.has(`${c.id}:${entry.current.id}`)).length : 0;
    return {
      organisationId: p.organisationId,
      organisationName: orgName.get(p.organisationId) ?? '',
      plan: { id: p.id, title: p.title },
      periodId: entry?.current.id ?? null,
      cells,
      reds: cells.filter((c) => c.rating?.rag === 'red').length,
      changes: changeCounts(cells),
      overdue: overdue.get(p.id) ?? 0,
      outstanding: entry ? list.length - answered : null,
    };
  });
  // An organisation without a plan still has its row, so the page says so.
  for (const o of covered) {
    if (!plans.some((p) => p.organisationId === o.id)) {
      rows.push({
        organisationId: o.id, organisationName: o.name, plan: null, periodId: null, cells: [],
        reds: 0, changes: { better: 0, worse: 0, newRed: 0 }, overdue: 0, outstanding: null,
      });
    }
  }
  return { covered, plans, periods, choices, period, rows };
}

/** The roll-up of the user's portfolio for a period, filtered and sorted. */
export async function portfolioRollUp(db: Db, user: CurrentUser, request: PortfolioRequest, today: IsoDate): Promise<RollUp> {
  const loaded = await loadRows(db, user, request.period, today);
  const rows = filterAndSort(loaded.rows, request.filters);
  const numbers = [...new Set(loaded.rows.flatMap((r) => r.cells.map((c) => c.number)))].sort((a, b) => a - b);
  const sum = (f: (r: GridRow) => number): number => loaded.rows.reduce((n, r) => n + f(r), 0);
  return {
    covered: loaded.covered,
    periods: loaded.choices,
    period: loaded.period,
    numbers,
    rows,
    allRows: loaded.rows,
    totals: {
      plans: loaded.plans.length,
      reds: sum((r) => r.reds),
      notSignedOff: sum((r) => r.cells.filter((c) => c.rating && !c.rating.signedOff).length),
      better: sum((r) => r.changes.better),
      worse: sum((r) => r.changes.worse),
      newRed: sum((r) => r.changes.newRed),
      overdue: sum((r) => r.overdue),
      outstanding: sum((r) => r.outstanding ?? 0),
    },
    asAt: today,
  };
}

export interface PortfolioExceptions extends ExceptionReport {
  covered: CoveredOrganisation[];
  periods: PeriodChoice[];
}

/** Reds, worsened ratings, slipped milestones and KPIs off trajectory across the whole portfolio. */
export async function portfolioExceptions(db: Db, user: CurrentUser, period: string | undefined, today: IsoDate): Promise<PortfolioExceptions> {
  const loaded = await loadRows(db, user, period, today);
  const { reds, worsened } = ratingExceptions(loaded.rows);
  const base = { covered: loaded.covered, periods: loaded.choices, periodLabel: loaded.period, asAt: today, reds, worsened };
  if (loaded.plans.length === 0) return { ...base, slipped: [], offTrack: [] };
  const orgIds = loaded.covered.map((o) => o.id);
  const orgName = new Map(loaded.covered.map((o) => [o.id, o.name]));
  const planById = new Map(loaded.plans.map((p) => [p.id, p]));
  const place = (planId: number, number: number, title: string) => {
    const plan = planById.get(planId);
    return {
      organisationName: orgName.get(plan?.organisationId ?? -1) ?? '',
      planId,
      planTitle: plan?.title ?? '',
      commitmentNumber: number,
      commitmentTitle: title,
    };
  };

  // Only open milestones that are overdue or were moved later than first agreed come back from the database.
  const milestoneRows = await db
    .selectFrom('milestones')
    .innerJoin('commitments', 'commitments.id', 'milestones.commitment_id')
    .select([
      'milestones.id', 'milestones.text', 'milestones.status', 'milestones.due_from', 'milestones.due_to', 'milestones.baseline_from',
      'milestones.baseline_to', 'commitments.plan_id as planId', 'commitments.number', 'commitments.title as commitmentTitle',
    ])
    .where('commitments.plan_id', 'in', coveredPlanIds(db, orgIds))
    .where('milestones.status', 'not in', ['done', 'dropped'])
    .where('milestones.due_to', 'is not', null)
    .where((eb) => eb.or([eb('milestones.due_to', '<', today), eb('milestones.due_to', '>', eb.ref('milestones.baseline_to'))]))
    .execute();
  const slipped = slippedMilestones(
    milestoneRows.map((m) => ({
      ...place(m.planId, m.number, m.commitmentTitle),
      milestoneId: m.id,
      text: m.text,
      status: m.status as MilestoneStatus,
      due: m.due_from && m.due_to ? { from: m.due_from, to: m.due_to } : null,
      baseline: m.baseline_from && m.baseline_to ? { from: m.baseline_from, to: m.baseline_to } : null,
    })),
    today,
  );

  const kpis = await db
    .selectFrom('kpis')
    .innerJoin('commitments', 'commitments.id', 'kpis.commitment_id')
    .select([
      'kpis.id', 'kpis.commitment_id as commitmentId', 'kpis.position', 'kpis.text', 'kpis.unit', 'kpis.baseline', 'kpis.target',
      'kpis.target_date as targetDate', 'kpis.direction', 'commitments.plan_id as planId', 'commitments.number',
      'commitments.title as commitmentTitle',
    ])
    .where('commitments.plan_id', 'in', coveredPlanIds(db, orgIds))
    .execute();
  const readings = await db
    .selectFrom('kpi_readings')
    .innerJoin('kpis', 'kpis.id', 'kpi_readings.kpi_id')
    .innerJoin('commitments', 'commitments.id', 'kpis.commitment_id')
    .select(['kpi_readings.kpi_id as kpiId', 'kpi_readings.date', 'kpi_readings.value'])
    .where('commitments.plan_id', 'in', coveredPlanIds(db, orgIds))
    .where('kpi_readings.date', '<=', today)
    .execute();
  const readingsOf = new Map<number, { date: string; value: number }[]>();
  for (const r of readings) {
    const list = readingsOf.get(r.kpiId);
    const reading = { date: r.date, value: Number(r.value) };
    if (list) list.push(reading);
    else readingsOf.set(r.kpiId, [reading]);
  }
  const offTrack: OffTrackKpi[] = [];
  for (const k of kpis) {
    const measurable = measurableKpi(
      {
        id: k.id, commitmentId: k.commitmentId, position: k.position, text: k.text, unit: k.unit,
        baseline: k.baseline === null ? null : Number(k.baseline), target: k.target === null ? null : Number(k.target),
        targetDate: k.targetDate, direction: k.direction as KpiDirection,
      },
      planById.get(k.planId)?.periodFrom,
    );
    if (!measurable) continue;
    const status = kpiStatus(measurable, readingsOf.get(k.id) ?? [], today);
    if (status.state === 'off-track') offTrack.push({ ...place(k.planId, k.number, k.commitmentTitle), kpiId: k.id, text: k.text, reason: status.reason });
  }
  offTrack.sort(
    (a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB') || a.planTitle.localeCompare(b.planTitle, 'en-GB') || a.commitmentNumber - b.commitmentNumber,
  );
  return { ...base, slipped, offTrack };
}
