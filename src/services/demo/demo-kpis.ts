// The demo plan's KPIs as a performance team would have set them up (unit, baseline, target, direction) and the
// monthly readings they would have recorded since the plan started: most a little ahead of the straight line from
// baseline to target, one (complaints) well behind it.
import { addDays, daysBetween, lastOfMonth, parseIso } from '../../domain/dates/index.ts';
import type { IsoDate, KpiDirection } from '../../domain/types.ts';
import { seeded } from './seeded.ts';

export interface DemoKpiSpec {
  unit: string;
  baseline: number;
  target: number;
  direction: KpiDirection;
  decimals: number;
  /** Behind its trajectory on purpose. */
  offTrack?: boolean;
}

/** By "<commitment number>.<KPI position>" in demo/plan-2024-25.txt. */
export const DEMO_KPI_SPECS: Readonly<Record<string, DemoKpiSpec>> = {
  '1.0': { unit: '%', baseline: 70, target: 100, direction: 'higher', decimals: 0 },
  '2.0': { unit: '£m', baseline: 4.2, target: 8, direction: 'higher', decimals: 1 },
  '2.1': { unit: '%', baseline: 55, target: 95, direction: 'higher', decimals: 0 },
  '3.0': { unit: '%', baseline: 48, target: 90, direction: 'higher', decimals: 0, offTrack: true },
  '4.0': { unit: '%', baseline: 62, target: 85, direction: 'higher', decimals: 1 },
  '4.1': { unit: 'homes', baseline: 140, target: 0, direction: 'lower', decimals: 0 },
  '5.0': { unit: '%', baseline: 71, target: 95, direction: 'higher', decimals: 1 },
  '6.0': { unit: '%', baseline: 40, target: 80, direction: 'higher', decimals: 0 },
  '7.0': { unit: '%', baseline: 18, target: 12, direction: 'lower', decimals: 1 },
  '7.1': { unit: '%', baseline: 35, target: 60, direction: 'higher', decimals: 1 },
  '9.0': { unit: '%', baseline: 60, target: 95, direction: 'higher', decimals: 0 },
};

export interface DemoReading {
  date: IsoDate;
  value: number;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The last day of each month from the plan's first month, up to (not including) today. */
export function monthEnds(planStart: IsoDate, today: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let { year, month } = parseIso(planStart);
  for (let end = lastOfMonth(year, month); end < today; end = lastOfMonth(year, month)) {
    out.push(end);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/**
 * Month-end readings from the plan's start to today: the share of the way from baseline to target reached is
 * the share of time gone plus a small lead (on track) or about 40% of it (off track), with a little seeded
 * wobble that never crosses the 5% tolerance either way.
 */
export function demoReadings(spec: DemoKpiSpec, planStart: IsoDate, targetDate: IsoDate, today: IsoDate, seed: string): DemoReading[] {
  const span = Math.max(1, daysBetween(planStart, targetDate));
  return monthEnds(planStart, addDays(today, 0)).map((date, i) => {
    const time = Math.min(1, Math.max(0, daysBetween(planStart, date) / span));
    const wobble = seeded(seed, i) * 2 - 1;
    const share = spec.offTrack ? Math.max(0, time * 0.4 + 0.015 * wobble) : Math.min(1, time + 0.045 + 0.02 * wobble);
    return { date, value: round(spec.baseline + (spec.target - spec.baseline) * share, spec.decimals) };
  });
}
