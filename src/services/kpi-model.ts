// A stored KPI as the domain measures it. Its trajectory runs from the baseline to the target: the baseline is
// the value the plan started from, so the line starts on the plan period's first day (not at the first reading,
// which would bend the line to whatever was measured first).
import type { Kpi } from '../domain/kpi.ts';
import type { IsoDate } from '../domain/types.ts';
import type { KpiRecord } from '../domain/records.ts';

/** The KPI with its trajectory, or null while it lacks a baseline, a target or a target date. */
export function measurableKpi(kpi: KpiRecord, planStart: IsoDate | null | undefined): Kpi | null {
  if (kpi.baseline === null || kpi.target === null || kpi.targetDate === null) return null;
  return {
    name: kpi.text,
    unit: kpi.unit,
    baseline: kpi.baseline,
    // A plan without a period has no start: the first reading starts the line then, as the domain does.
    ...(planStart && planStart < kpi.targetDate ? { baselineDate: planStart } : {}),
    target: kpi.target,
    targetDate: kpi.targetDate,
    direction: kpi.direction,
  };
}
