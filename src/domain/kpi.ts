// KPI trajectory and status.
//
// The trajectory is a straight line from the baseline (at the baseline date, or — when no baseline date is
// recorded — at the first reading's date) to the target at the target date. Before its start it is the
// baseline; from the target date on it is the target.
//
// Status of a KPI today, judged on its latest reading on or before today (later readings are ignored):
// - 'no-data'   no reading yet;
// - 'achieved'  the latest reading meets the target (>= target when higher is better, <= when lower is);
// - 'off-track' the latest reading is worse than the trajectory at its date by more than the tolerance
//               (default 5% of |target − baseline|), or the target date has passed without the target met;
// - 'on-track'  otherwise.
import { daysBetween, formatShortDate } from './iso-days.ts';
import type { IsoDate, KpiDirection } from './types.ts';

export interface Kpi {
  name?: string;
  unit?: string | null;
  baseline: number;
  baselineDate?: IsoDate | null;
  target: number;
  targetDate: IsoDate;
  direction: KpiDirection;
}

export interface KpiReading {
  date: IsoDate;
  value: number;
}

export interface TrajectoryPoint {
  date: IsoDate;
  value: number;
}

export interface Trajectory {
  start: TrajectoryPoint;
  end: TrajectoryPoint;
}

export type KpiState = 'on-track' | 'off-track' | 'achieved' | 'no-data';

export interface KpiStatus {
  state: KpiState;
  latest?: KpiReading;
  /** The trajectory's value on the latest reading's date. */
  expected?: number;
  /**
   * How far the latest reading is behind the trajectory, in the KPI's unit: positive when behind,
   * zero or negative when level or ahead (the direction is taken into account).
   */
  gap?: number;
  /** `gap` as a share of |target − baseline| (0.25 = a quarter of the whole improvement). */
  gapShare?: number;
  /** Set when the target date has passed (by the latest reading) without the target met. */
  missedTarget?: boolean;
  reason: string;
}

export interface KpiStatusOptions {
  /** Share of |target − baseline| a reading may lag the trajectory and still be on track. Default 0.05. */
  tolerance?: number;
}

export type KpiTrend = 'improving' | 'worsening' | 'flat' | 'unknown';

export const DEFAULT_KPI_TOLERANCE = 0.05;

/** Readings in date order (stable for readings on the same date). */
export function sortReadings<R extends KpiReading>(readings: readonly R[]): R[] {
  return readings
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map(({ r }) => r);
}

/** The trajectory line, or null when it has no start (no baseline date and no readings). */
export function trajectory(kpi: Kpi, readings: readonly KpiReading[] = []): Trajectory | null {
  const startDate = kpi.baselineDate ?? sortReadings(readings)[0]?.date;
  if (startDate === undefined) return null;
  return {
    start: { date: startDate, value: kpi.baseline },
    end: { date: kpi.targetDate, value: kpi.target },
  };
}

/**
 * The value the trajectory expects on a date, or null when there is no trajectory yet. `readings` are only
 * needed when the KPI has no baseline date (the first reading's date starts the line).
 */
export function expectedValueOn(kpi: Kpi, date: IsoDate, readings: readonly KpiReading[] = []): number | null {
  const line = trajectory(kpi, readings);
  if (!line) return null;
  if (date >= line.end.date) return line.end.value;
  if (date <= line.start.date) return line.start.value;
  const span = daysBetween(line.start.date, line.end.date);
  const elapsed = daysBetween(line.start.date, date);
  return line.start.value + ((line.end.value - line.start.value) * elapsed) / span;
}

/** True when `value` is at least as good as `reference` in the KPI's direction. */
export function meets(direction: KpiDirection, value: number, reference: number): boolean {
  return direction === 'higher' ? value >= reference : value <= reference;
}

/** Numbers as people write them: at most two decimals, no trailing zeros. */
export function formatKpiNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function kpiStatus(
  kpi: Kpi,
  readings: readonly KpiReading[],
  today: IsoDate,
  options: KpiStatusOptions = {},
): KpiStatus {
  const sorted = sortReadings(readings.filter((r) => r.date <= today));
  const latest = sorted[sorted.length - 1];
  if (!latest) return { state: 'no-data', reason: 'No readings yet' };

  const n = formatKpiNumber;
  const on = formatShortDate(latest.date);
  const targetText = `target ${n(kpi.target)} by ${formatShortDate(kpi.targetDate)}`;
  if (meets(kpi.direction, latest.value, kpi.target)) {
    return { state: 'achieved', latest, expected: kpi.target, gap: 0, gapShare: 0, reason: `Latest ${n(latest.value)} on ${on} meets the ${targetText}` };
  }

  // The line starts at the baseline date or, failing that, at the first reading: never null here.
  const expected = expectedValueOn(kpi, latest.date, sorted) ?? kpi.baseline;
  const sign = kpi.direction === 'higher' ? 1 : -1;
  const gap = (expected - latest.value) * sign;
  const span = Math.abs(kpi.target - kpi.baseline);
  const gapShare = span > 0 ? gap / span : gap > 0 ? 1 : 0;
  const tolerance = options.tolerance ?? DEFAULT_KPI_TOLERANCE;
  const base = { latest, expected, gap, gapShare };

  if (latest.date >= kpi.targetDate) {
    return { state: 'off-track', ...base, missedTarget: true, reason: `Missed the ${targetText}: latest ${n(latest.value)} on ${on}` };
  }
  if (gapShare > tolerance) {
    const worse = kpi.direction === 'higher' ? 'below' : 'above';
    return {
      state: 'off-track',
      ...base,
      reason: `Latest ${n(latest.value)} on ${on} is ${n(gap)} ${worse} the trajectory (${n(expected)} expected); ${targetText}`,
    };
  }
  return { state: 'on-track', ...base, reason: `Latest ${n(latest.value)} on ${on} is on trajectory (${n(expected)} expected); ${targetText}` };
}

/**
 * Direction of travel between the two latest readings: 'improving' when the latest is better in the KPI's
 * direction, 'worsening' when worse, 'flat' when equal; 'unknown' with fewer than two readings.
 */
export function trend(readings: readonly KpiReading[], direction: KpiDirection): KpiTrend {
  const sorted = sortReadings(readings);
  const last = sorted[sorted.length - 1];
  const previous = sorted[sorted.length - 2];
  if (!last || !previous) return 'unknown';
  const change = (last.value - previous.value) * (direction === 'higher' ? 1 : -1);
  if (change === 0) return 'flat';
  return change > 0 ? 'improving' : 'worsening';
}
