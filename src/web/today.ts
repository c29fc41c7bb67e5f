// The date pages judge milestones and KPIs against: today in the UK, or TRACKER_TODAY (YYYY-MM-DD) when set,
// so a demo or a test can be run "as of" a day in the plan's year.
import type { IsoDate } from '../domain/types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export function today(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): IsoDate {
  const fixed = env.TRACKER_TODAY?.trim();
  if (fixed) {
    if (!ISO_DATE.test(fixed) || !isCalendarDate(fixed)) {
      throw new Error(`TRACKER_TODAY must be a date written YYYY-MM-DD, got "${fixed}"`);
    }
    return fixed;
  }
  return ukDate.format(now);
}
