// What the JSON API shows: each thing as the API represents it, read through the same service modules and the
// same update-visibility rule as the pages (a reviewer's draft is seen by reviewers only, and so on). Access to the
// thing itself (its organisation, the role) has been checked by the route's rule before these are called.
import type { KpiReadingRecord, KpiRecord, MilestoneRecord, PlanRecord } from '../domain/records.ts';
import type { DueWindow, Rag, UpdateState } from '../domain/types.ts';
import type { UpdateStage } from '../domain/update-flow.ts';
import { getCommitment } from '../store/commitments-repository.ts';
import { getKpi, listKpiReadings, listKpis } from '../store/kpis-repository.ts';
import { getMilestone, listMilestoneRedates, listMilestones } from '../store/milestones-repository.ts';
import { listEvidence } from '../store/monitoring-repository.ts';
import { getPlan, getPlanRecord, listPlans } from '../store/plans-repository.ts';
import { listPeriodUpdates } from '../store/progress-updates-repository.ts';
import { getReviewPeriod } from '../store/review-periods-repository.ts';
import type { CurrentUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { currentRags } from './plan-overview.ts';
import { listPlanReviewPeriods, updateFormData, type ReviewPeriodRecord, type ReviewUpdateRecord } from './reviews/index.ts';
import { updateVisibility, userViewer, visibleUpdates } from './update-visibility.ts';
import { changedSinceFilter } from './api-changes.ts';

export interface ApiOrganisation { id: number; name: string; role: string }

export interface ApiPlan {
  id: number;
  organisationId: number;
  title: string;
  period: DueWindow | null;
  status: string;
  reviewCadence: string;
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ApiCommitment {
  id: number;
  planId: number;
  number: number;
  title: string;
  summary: string;
  leadUserId: number | null;
  /** The RAG the commitment stands at for this reader (never from a draft), as the plan overview shows it. */
  currentRag: { rag: Rag; label: string; periodLabel: string | null; signedOff: boolean } | null;
}

export interface ApiEvidence { id: number; date: string; note: string | null; link: string | null; hasFile: boolean; createdAt: string }

export interface ApiMilestoneDetail extends MilestoneRecord {
  evidence: ApiEvidence[];
  redates: { oldDue: DueWindow | null; newDue: DueWindow | null; reason: string; changedAt: string }[];
}

export interface ApiKpiDetail extends KpiRecord {
  readingCount: number;
  latestReading: KpiReadingRecord | null;
}

export interface ApiUpdate {
  id: number;
  commitmentId: number;
  reviewPeriodId: number | null;
  version: number;
  state: UpdateState;
  rag: Rag | null;
  narrative: string;
  kpiRefs: number[];
  response: string | null;
  correctionReason: string | null;
  ragOverrideReason: string | null;
  suggestedRag: Rag | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  signedOffAt: string | null;
}

export interface ApiUpdateForm {
  reviewPeriodId: number;
  commitmentId: number;
  stage: UpdateStage;
  locked: boolean;
  /** The current version, when this reader may see it. */
  update: ApiUpdate | null;
  suggestion: { rag: Rag; reasons: string[] };
}

const planView = (p: PlanRecord): ApiPlan => ({
  id: p.id, organisationId: p.organisationId, title: p.title, period: p.period, status: p.status,
  reviewCadence: p.reviewCadence, published: p.published, createdAt: p.createdAt, updatedAt: p.updatedAt,
});

export function updateView(u: ReviewUpdateRecord): ApiUpdate {
  return {
    id: u.id, commitmentId: u.commitmentId, reviewPeriodId: u.reviewPeriodId, version: u.version, state: u.state, rag: u.rag,
    narrative: u.narrative, kpiRefs: u.kpiRefs, response: u.response, correctionReason: u.correctionReason,
    ragOverrideReason: u.ragOverrideReason, suggestedRag: u.suggestedRag, createdAt: u.createdAt, updatedAt: u.updatedAt,
    submittedAt: u.submittedAt, signedOffAt: u.signedOffAt,
  };
}

/** Thrown when the thing read has gone between the access check and the read: answered 404. */
export class ApiNotFoundError extends Error {
  override name = 'ApiNotFoundError';
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ApiNotFoundError(`There is no ${what}`);
  return value;
}

export function apiReads(ctx: ServiceContext) {
  const { db, clock } = ctx;
  const changes = changedSinceFilter(db);

  async function commitmentsOf(user: CurrentUser, planId: number, ids?: number[]): Promise<ApiCommitment[]> {
    const plan = found(await getPlan(db, planId), `plan ${planId}`);
    const rags = await currentRags(db, plan, userViewer(user));
    return plan.commitments
      .filter((c) => ids === undefined || ids.includes(c.id))
      .map((c) => ({
        id: c.id, planId: c.planId, number: c.number, title: c.title, summary: c.summary, leadUserId: c.leadUserId,
        currentRag: rags.get(c.id) ?? null,
      }));
  }

  return {
    /** The reader's organisations (a token reader has one). */
    organisations(user: CurrentUser): ApiOrganisation[] {
      const seen = new Map<number, ApiOrganisation>();
      for (const m of user.memberships) if (!seen.has(m.organisationId)) seen.set(m.organisationId, { id: m.organisationId, name: m.organisationName, role: m.role });
      return [...seen.values()];
    },

    async plans(organisationId: number, since?: string): Promise<ApiPlan[]> {
      const plans = await listPlans(db, organisationId);
      const changed = since === undefined ? null : await changes.plans(since);
      return plans.filter((p) => !changed || p.updatedAt >= since! || changed.has(p.id)).map(planView);
    },

    async plan(planId: number): Promise<ApiPlan> {
      return planView(found(await getPlanRecord(db, planId), `plan ${planId}`));
    },

    async commitments(user: CurrentUser, planId: number, since?: string): Promise<ApiCommitment[]> {
      const list = await commitmentsOf(user, planId);
      if (since === undefined) return list;
      const changed = await changes.entities('commitment', since);
      return list.filter((c) => changed.has(c.id));
    },

    async commitment(user: CurrentUser, commitmentId: number): Promise<ApiCommitment> {
      const commitment = found(await getCommitment(db, commitmentId), `commitment ${commitmentId}`);
      return found((await commitmentsOf(user, commitment.planId, [commitmentId]))[0], `commitment ${commitmentId}`);
    },

    async milestones(commitmentId: number, since?: string): Promise<MilestoneRecord[]> {
      const list = await listMilestones(db, commitmentId);
      if (since === undefined) return list;
      const changed = await changes.milestones(since);
      return list.filter((m) => changed.has(m.id));
    },

    async milestone(milestoneId: number): Promise<ApiMilestoneDetail> {
      const milestone = found(await getMilestone(db, milestoneId), `milestone ${milestoneId}`);
      const [evidence, redates] = await Promise.all([listEvidence(db, { milestoneId }), listMilestoneRedates(db, milestoneId)]);
      return {
        ...milestone,
        evidence: evidence.map((e) => ({ id: e.id, date: e.date, note: e.note, link: e.link, hasFile: e.filePath !== null, createdAt: e.createdAt })),
        redates: redates.map((r) => ({ oldDue: r.oldDue, newDue: r.newDue, reason: r.reason, changedAt: r.changedAt })),
      };
    },

    async kpis(commitmentId: number, since?: string): Promise<KpiRecord[]> {
      const list = await listKpis(db, commitmentId);
      if (since === undefined) return list;
      const changed = await changes.entities('kpi', since);
      return list.filter((k) => changed.has(k.id));
    },

    async kpi(kpiId: number): Promise<ApiKpiDetail> {
      const kpi = found(await getKpi(db, kpiId), `KPI ${kpiId}`);
      const readings = await listKpiReadings(db, kpiId);
      return { ...kpi, readingCount: readings.length, latestReading: readings.at(-1) ?? null };
    },

    async readings(kpiId: number, since?: string): Promise<KpiReadingRecord[]> {
      const list = await listKpiReadings(db, kpiId);
      if (since === undefined) return list;
      const changed = await changes.readings(since);
      return list.filter((r) => changed.has(r.id));
    },

    async reviewPeriods(user: CurrentUser, planId: number, since?: string): Promise<ReviewPeriodRecord[]> {
      const list = await listPlanReviewPeriods(db, user, planId);
      if (since === undefined) return list;
      const changed = await changes.entities('review-period', since);
      return list.filter((p) => changed.has(p.id) || (p.signedOffAt !== null && p.signedOffAt >= since));
    },

    /** The period's updates this reader may see, every version they may see, by commitment then version. */
    async periodUpdates(user: CurrentUser, periodId: number, since?: string): Promise<ApiUpdate[]> {
      const period = found(await getReviewPeriod(db, periodId), `review period ${periodId}`);
      const plan = found(await getPlanRecord(db, period.planId), `plan ${period.planId}`);
      const seen = visibleUpdates(updateVisibility(userViewer(user), plan.organisationId), await listPeriodUpdates(db, periodId));
      const stamps = (u: ReviewUpdateRecord) => [u.updatedAt, u.submittedAt, u.responseAt, u.signedOffAt];
      return seen.filter((u) => since === undefined || stamps(u).some((t) => t !== null && t >= since)).map(updateView);
    },

    /** One commitment's update in a period as the update page shows it (404 when the commitment is not in the plan). */
    async update(user: CurrentUser, periodId: number, commitmentId: number): Promise<ApiUpdateForm> {
      const data = await updateFormData(db, user, commitmentId, periodId, { today: clock.today() });
      return {
        reviewPeriodId: periodId,
        commitmentId,
        stage: data.stage,
        locked: data.locked,
        update: data.update ? updateView(data.update) : null,
        suggestion: { rag: data.suggestion.rag, reasons: data.suggestion.reasons },
      };
    },
  };
}
