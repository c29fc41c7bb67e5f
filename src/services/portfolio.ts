// The portfolio: every organisation a user reviews or administers, at a glance. The roll-up (a RAG grid of plans ×
// commitments for one review period, with overdue milestones, updates outstanding and changes since the previous
// period) and the exception report across it.
//
// No query per row: each kind of thing (period labels, plans, commitments, updates, overdue counts, milestones,
// KPIs, readings) is loaded for all covered plans at once, so the number of queries stays the same for 3
// organisations or 300. And no more rows than the page needs: at national size (300 organisations) the time goes
// on turning rows into objects, so the database does the choosing and counting — each period label once with its
// latest end, each plan with its chosen and previous period, overdue milestones as counts, only the updates of
// those two periods, only slipped milestones, a KPI's first and latest reading rather than all of them
// (migration 016 indexes these).
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
import {
  ratingExceptions,
  slippedMilestones,
  type ExceptionPlace,
  type ExceptionReport,
  type OffTrackKpi,
} from '../domain/portfolio-exceptions.ts';
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
  /** The chosen period, as this plan has it (null: the plan has no period with that label). */
  periodId: number | null;
  /** The latest period that ended before the chosen one began (null: none, or no chosen period). */
  previousPeriodId: number | null;
}

interface CommitmentRow {
  id: number;
  planId: number;
  number: number;
  title: string;
}

/** The covered organisations' plans, as a subquery (so no list of plan ids is sent back and forth). */
function coveredPlanIds(db: Db, organisationIds: readonly number[]) {
  return db.selectFrom('plans').select('plans.id').where('plans.organisation_id', 'in', [...organisationIds]);
}

/** The covered plans' commitments' ids, as a subquery. */
function coveredCommitmentIds(db: Db, organisationIds: readonly number[]) {
  return db
    .selectFrom('commitments')
    .innerJoin('plans', 'plans.id', 'commitments.plan_id')
    .select('commitments.id')
    .where('plans.organisation_id', 'in', [...organisationIds]);
}

/**
 * Open milestones (neither done nor dropped), written out as literals rather than parameters so that both
 * databases see that the partial index `milestones_open` (migration 016) answers the query.
 */
const OPEN_MILESTONE = sql<boolean>`milestones.status not in ('done', 'dropped')`;

/** Each period label once, at its latest end across the covered plans, latest first. */
function periodChoices(labels: readonly { label: string; endsOn: string }[], today: IsoDate): PeriodChoice[] {
  return labels
    .map((p) => ({ label: p.label, endsOn: p.endsOn, ended: p.endsOn < today }))
    .sort((a, b) => (a.endsOn < b.endsOn ? 1 : a.endsOn > b.endsOn ? -1 : a.label.localeCompare(b.label)));
}

function chosenPeriod(choices: readonly PeriodChoice[], asked: string | undefined): string | null {
  if (asked && choices.some((c) => c.label === asked)) return asked;
  return (choices.find((c) => c.ended) ?? choices[choices.length - 1])?.label ?? null;
}

interface Loaded {
  covered: CoveredOrganisation[];
  plans: PlanRow[];
  commitments: CommitmentRow[];
  choices: PeriodChoice[];
  period: string | null;
  rows: GridRow[];
}

/** Loads the grid's rows for every covered plan: a fixed number of queries whatever the portfolio's size. */
async function loadRows(db: Db, user: CurrentUser, asked: string | undefined, today: IsoDate): Promise<Loaded> {
  const covered = coveredOrganisations(user);
  if (covered.length === 0) return { covered, plans: [], commitments: [], choices: [], period: null, rows: [] };
  const orgIds = covered.map((o) => o.id);

  // The period labels, each at its latest end: a handful of rows, however many plans have them.
  const labels = await db
    .selectFrom('review_periods')
    .innerJoin('plans', 'plans.id', 'review_periods.plan_id')
    .select(['review_periods.label', sql<string>`max(review_periods.ends_on)`.as('endsOn')])
    .where('plans.organisation_id', 'in', orgIds)
    .groupBy('review_periods.label')
    .execute();
  const choices = periodChoices(labels, today);
  const period = chosenPeriod(choices, asked);

  // The plans, each with its period of that label and the one before it (the latest that ended before it began).
  const plans: PlanRow[] = await db
    .selectFrom('plans')
    .leftJoin('review_periods as current', (join) =>
      join.onRef('current.plan_id', '=', 'plans.id').on('current.label', '=', period ?? ''),
    )
    .select((eb) => [
      'plans.id',
      'plans.organisation_id as organisationId',
      'plans.title',
      'plans.period_from as periodFrom',
      'current.id as periodId',
      eb
        .selectFrom('review_periods as before')
        .select('before.id')
        .whereRef('before.plan_id', '=', 'plans.id')
        .whereRef('before.ends_on', '<', 'current.starts_on')
        .orderBy('before.ends_on', 'desc')
        .orderBy('before.id')
        .limit(1)
        .as('previousPeriodId'),
    ])
    .where('plans.organisation_id', 'in', orgIds)
    .orderBy('plans.id')
    .execute();
  const commitments: CommitmentRow[] = await db
    .selectFrom('commitments')
    .select(['id', 'plan_id as planId', 'number', 'title'])
    .where('plan_id', 'in', coveredPlanIds(db, orgIds))
    .orderBy('plan_id')
    .orderBy('position')
    .orderBy('id')
    .execute();

  // Which plan each of the chosen and previous periods belongs to, and which of the two it is.
  const periodOf = new Map<number, { planId: number; current: boolean; previous: boolean }>();
  for (const p of plans) {
    if (p.periodId !== null) periodOf.set(p.periodId, { planId: p.id, current: true, previous: false });
    if (p.previousPeriodId !== null) periodOf.set(p.previousPeriodId, { planId: p.id, current: p.previousPeriodId === p.periodId, previous: true });
  }
  const updates =
    periodOf.size === 0
      ? []
      : await db
          .selectFrom('progress_updates')
          .select(['commitment_id as commitmentId', 'review_period_id as periodId', 'version', 'rag', 'state'])
          .where('review_period_id', 'in', [...periodOf.keys()])
          .where('state', 'in', ['submitted', 'signed-off'])
          .execute();

  // Open milestones past their deadline, counted per plan by the database.
  const overdueRows = await db
    .selectFrom('milestones')
    .innerJoin('commitments', 'commitments.id', 'milestones.commitment_id')
    .select(['commitments.plan_id as planId', sql<number>`count(*)`.as('overdue')])
    .where('commitments.plan_id', 'in', coveredPlanIds(db, orgIds))
    .where(OPEN_MILESTONE)
    .where('milestones.due_to', '<', today)
    .groupBy('commitments.plan_id')
    .execute();
  const overdue = new Map(overdueRows.map((r) => [r.planId, Number(r.overdue)]));

  // What each organisation's viewer may stand a commitment at (never a draft).
  const states = new Map(covered.map((o) => [o.id, new Set<UpdateState>(standingStates(updateVisibility(userViewer(user), o.id)))]));
  const planById = new Map(plans.map((p) => [p.id, p]));
  const commitmentPlan = new Map(commitments.map((c) => [c.id, c.planId]));
  // The highest visible version of each commitment's update, in the chosen period and in the previous one.
  type Seen = { version: number; rating: SeenRating | null };
  const now = new Map<number, Seen>();
  const before = new Map<number, Seen>();
  for (const u of updates) {
    const period = periodOf.get(u.periodId ?? -1);
    const planId = commitmentPlan.get(u.commitmentId);
    if (!period || planId !== period.planId) continue;
    const orgId = planById.get(planId)?.organisationId;
    if (orgId === undefined || !states.get(orgId)?.has(u.state as UpdateState)) continue;
    for (const seen of [period.current ? now : null, period.previous ? before : null]) {
      if (!seen) continue;
      const known = seen.get(u.commitmentId);
      if (known && known.version > u.version) continue;
      seen.set(u.commitmentId, { version: u.version, rating: u.rag ? { rag: u.rag as Rag, signedOff: u.state === 'signed-off' } : null });
    }
  }

  const commitmentsOf = new Map<number, CommitmentRow[]>();
  for (const c of commitments) {
    const list = commitmentsOf.get(c.planId);
    if (list) list.push(c);
    else commitmentsOf.set(c.planId, [c]);
  }
  const orgName = new Map(covered.map((o) => [o.id, o.name]));

  const rows: GridRow[] = plans.map((p) => {
    const list = commitmentsOf.get(p.id) ?? [];
    const hasPeriod = p.periodId !== null;
    const comparable = p.previousPeriodId !== null;
    let reds = 0;
    let answered = 0;
    const cells = list.map((c) => {
      const current = hasPeriod ? now.get(c.id) : undefined;
      if (current) answered += 1;
      const cell = gridCell(c, current?.rating ?? null, comparable ? (before.get(c.id)?.rating ?? null) : null, comparable);
      if (cell.rating?.rag === 'red') reds += 1;
      return cell;
    });
    return {
      organisationId: p.organisationId,
      organisationName: orgName.get(p.organisationId) ?? '',
      plan: { id: p.id, title: p.title },
      periodId: p.periodId,
      cells,
      reds,
      changes: changeCounts(cells),
      overdue: overdue.get(p.id) ?? 0,
      outstanding: hasPeriod ? list.length - answered : null,
    };
  });
  // An organisation without a plan still has its row, so the page says so.
  const withPlans = new Set(plans.map((p) => p.organisationId));
  for (const o of covered) {
    if (!withPlans.has(o.id)) {
      rows.push({
        organisationId: o.id, organisationName: o.name, plan: null, periodId: null, cells: [],
        reds: 0, changes: { better: 0, worse: 0, newRed: 0 }, overdue: 0, outstanding: null,
      });
    }
  }
  return { covered, plans, commitments, choices, period, rows };
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
  // Where each commitment sits, from the rows already loaded: the queries below bring back commitment ids only.
  const places = new Map<number, ExceptionPlace>();
  for (const c of loaded.commitments) {
    const plan = planById.get(c.planId);
    places.set(c.id, {
      organisationName: orgName.get(plan?.organisationId ?? -1) ?? '',
      planId: c.planId,
      planTitle: plan?.title ?? '',
      commitmentNumber: c.number,
      commitmentTitle: c.title,
    });
  }
  const nowhere: ExceptionPlace = { organisationName: '', planId: -1, planTitle: '', commitmentNumber: 0, commitmentTitle: '' };
  const at = (commitmentId: number): ExceptionPlace => places.get(commitmentId) ?? nowhere;
  // By plan, commitment and then their own id, so that ties in the report's order fall the same way every time.
  const inOrder = (a: { id: number; commitmentId: number }, b: { id: number; commitmentId: number }): number =>
    at(a.commitmentId).planId - at(b.commitmentId).planId || a.commitmentId - b.commitmentId || a.id - b.id;

  // Only open milestones that are overdue or were moved later than first agreed come back from the database.
  const milestoneRows = await db
    .selectFrom('milestones')
    .select([
      'milestones.id', 'milestones.commitment_id as commitmentId', 'milestones.text', 'milestones.status', 'milestones.due_from',
      'milestones.due_to', 'milestones.baseline_from', 'milestones.baseline_to',
    ])
    .where('milestones.commitment_id', 'in', coveredCommitmentIds(db, orgIds))
    .where(OPEN_MILESTONE)
    .where('milestones.due_to', 'is not', null)
    .where((eb) => eb.or([eb('milestones.due_to', '<', today), eb('milestones.due_to', '>', eb.ref('milestones.baseline_to'))]))
    .execute();
  // Objects written out field by field here and below: spreading one into another is slow at thousands of rows.
  const slipped = slippedMilestones(
    milestoneRows.sort(inOrder).map((m) => {
      const where = at(m.commitmentId);
      return {
        organisationName: where.organisationName,
        planId: where.planId,
        planTitle: where.planTitle,
        commitmentNumber: where.commitmentNumber,
        commitmentTitle: where.commitmentTitle,
        milestoneId: m.id,
        text: m.text,
        status: m.status as MilestoneStatus,
        due: m.due_from && m.due_to ? { from: m.due_from, to: m.due_to } : null,
        baseline: m.baseline_from && m.baseline_to ? { from: m.baseline_from, to: m.baseline_to } : null,
      };
    }),
    today,
  );

  // Only KPIs with a baseline, a target and a target date can be off trajectory (see measurableKpi).
  const measurableKpis = db
    .selectFrom('kpis')
    .where('kpis.commitment_id', 'in', coveredCommitmentIds(db, orgIds))
    .where('kpis.baseline', 'is not', null)
    .where('kpis.target', 'is not', null)
    .where('kpis.target_date', 'is not', null);
  const kpis = await measurableKpis
    .select([
      'kpis.id', 'kpis.commitment_id as commitmentId', 'kpis.position', 'kpis.text', 'kpis.unit', 'kpis.baseline', 'kpis.target',
      'kpis.target_date as targetDate', 'kpis.direction',
    ])
    .execute();
  // A KPI's status needs only its first reading as at today (its line starts there when there is no baseline
  // date) and its latest: two readings per KPI come back, not all of them. Of several readings on one date, the
  // first is the one stored first and the latest the one stored last, as kpiStatus's stable sort has it.
  const readings = await measurableKpis
    .select((eb) => {
      const reading = (order: 'asc' | 'desc') =>
        eb
          .selectFrom('kpi_readings')
          .whereRef('kpi_readings.kpi_id', '=', 'kpis.id')
          .where('kpi_readings.date', '<=', today)
          .orderBy('kpi_readings.date', order)
          .orderBy('kpi_readings.id', order)
          .limit(1);
      return [
        'kpis.id as kpiId',
        reading('asc').select('kpi_readings.date').as('firstDate'),
        reading('asc').select('kpi_readings.value').as('firstValue'),
        reading('desc').select('kpi_readings.date').as('latestDate'),
        reading('desc').select('kpi_readings.value').as('latestValue'),
      ];
    })
    .execute();
  const readingsOf = new Map<number, { date: string; value: number }[]>();
  for (const r of readings) {
    if (r.firstDate === null || r.latestDate === null) continue;
    readingsOf.set(r.kpiId, [
      { date: r.firstDate, value: Number(r.firstValue) },
      { date: r.latestDate, value: Number(r.latestValue) },
    ]);
  }
  const offTrack: OffTrackKpi[] = [];
  for (const k of kpis.sort(inOrder)) {
    const where = at(k.commitmentId);
    const kpi = measurableKpi(
      {
        id: k.id, commitmentId: k.commitmentId, position: k.position, text: k.text, unit: k.unit,
        baseline: k.baseline === null ? null : Number(k.baseline), target: k.target === null ? null : Number(k.target),
        targetDate: k.targetDate, direction: k.direction as KpiDirection,
      },
      planById.get(where.planId)?.periodFrom,
    );
    if (!kpi) continue;
    const status = kpiStatus(kpi, readingsOf.get(k.id) ?? [], today);
    if (status.state !== 'off-track') continue;
    offTrack.push({
      organisationName: where.organisationName,
      planId: where.planId,
      planTitle: where.planTitle,
      commitmentNumber: where.commitmentNumber,
      commitmentTitle: where.commitmentTitle,
      kpiId: k.id,
      text: k.text,
      reason: status.reason,
    });
  }
  offTrack.sort(
    (a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB') || a.planTitle.localeCompare(b.planTitle, 'en-GB') || a.commitmentNumber - b.commitmentNumber,
  );
  return { ...base, slipped, offTrack };
}
