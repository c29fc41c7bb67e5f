// The whole plan as JSON, in the shape PLAN_JSON_SCHEMA documents (see plan-json-schema.ts).
import type { ExportPlan } from './export-plan.ts';
import { PLAN_JSON_FORMAT, PLAN_JSON_VERSION } from './plan-json-schema.ts';

export { PLAN_JSON_SCHEMA } from './plan-json-schema.ts';

export function planJson(plan: ExportPlan) {
  const periodLabel = new Map((plan.reviewPeriods ?? []).map((p) => [p.id, p.label]));
  const readings = plan.kpiReadings ?? [];
  const redates = plan.redates ?? [];
  const evidence = plan.evidence ?? [];
  return {
    format: PLAN_JSON_FORMAT,
    version: PLAN_JSON_VERSION,
    asAt: plan.asAt ?? null,
    plan: {
      id: plan.id,
      title: plan.title,
      period: plan.period,
      status: plan.status,
      reviewCadence: plan.reviewCadence,
      fyStartMonth: plan.fyStartMonth,
      ragScheme: plan.ragScheme,
    },
    reviewPeriods: (plan.reviewPeriods ?? []).map((p) => ({ id: p.id, label: p.label, from: p.from, to: p.to })),
    commitments: plan.commitments.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      summary: c.summary,
      kpis: c.kpis.map((k) => ({
        id: k.id,
        text: k.text,
        unit: k.unit,
        baseline: k.baseline,
        target: k.target,
        targetDate: k.targetDate,
        direction: k.direction,
        readings: readings
          .filter((r) => r.kpiId === k.id)
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((r) => ({ date: r.date, value: r.value, note: r.note, source: r.source })),
      })),
      milestones: c.milestones.map((m) => ({
        id: m.id,
        text: m.text,
        due: m.due,
        recurrence: m.recurrence,
        baseline: m.baseline,
        status: m.status,
        doneOn: m.doneOn,
        redates: redates.filter((r) => r.milestoneId === m.id).map((r) => ({ from: r.oldDue, to: r.newDue, reason: r.reason, at: r.changedAt })),
      })),
      monitoring: c.monitoring.map((m) => ({
        id: m.id,
        text: m.text,
        evidence: evidence
          .filter((e) => e.monitoringItemId === m.id)
          .map((e) => ({ date: e.date, note: e.note, link: e.link, hasFile: e.filePath !== null })),
      })),
      updates: c.updates.map((u) => ({
        id: u.id,
        reviewPeriod: u.reviewPeriodId === null ? null : (periodLabel.get(u.reviewPeriodId) ?? null),
        version: u.version,
        state: u.state,
        rag: u.rag,
        text: u.narrative,
        response: u.response,
        updatedAt: u.updatedAt,
      })),
    })),
  };
}

export type PlanJson = ReturnType<typeof planJson>;

/** The JSON text of the export, indented for reading. */
export function exportPlanJson(plan: ExportPlan): string {
  return `${JSON.stringify(planJson(plan), null, 2)}\n`;
}
