// Placing a date written without a year ("Wednesday 15th May", "end April", "Q4") in the plan period.
import type { DueWindow } from '../types.ts';
import { daysBetween, parseIso, weekdayOf } from './calendar.ts';
import { isPlausibleYear } from './vocabulary.ts';

/** The window a year-less date stands for when it is read in a given year (null: no such date that year). */
export type ForYear = (year: number) => DueWindow | null;

/** Days between a window and the period; 0 when they overlap. */
export function distanceToPeriod(w: DueWindow, period: DueWindow): number {
  if (w.to < period.from) return daysBetween(w.to, period.from);
  if (w.from > period.to) return daysBetween(period.to, w.from);
  return 0;
}

export function overlaps(w: DueWindow, period: DueWindow): boolean {
  return distanceToPeriod(w, period) === 0;
}

/**
 * Without a weekday: the occurrence inside the plan period (the earliest if several), else the nearest one.
 * With a weekday (ISO 1–7): among years in which the date falls on that weekday, the one nearest the plan
 * period; a tie goes to the later year. Null when no year fits (e.g. 31 June, or a weekday that never fits).
 */
export function placeInPeriod(forYear: ForYear, period: DueWindow, weekday: number | null): DueWindow | null {
  const first = parseIso(period.from).year;
  const last = parseIso(period.to).year;
  // Weekdays of a date repeat within 28 years (29 February included), so ±40 years is always enough.
  const span = weekday === null ? 1 : 40;
  let best: { w: DueWindow; d: number } | null = null;
  for (let y = first - span; y <= last + span; y++) {
    if (!isPlausibleYear(y) || !isPlausibleYear(y + 1)) continue;
    const w = forYear(y);
    if (!w) continue;
    if (weekday !== null && weekdayOf(w.from) !== weekday) continue;
    const d = distanceToPeriod(w, period);
    const laterWinsTie = d > 0 || weekday !== null;
    if (best === null || d < best.d || (d === best.d && laterWinsTie)) best = { w, d };
  }
  return best?.w ?? null;
}
