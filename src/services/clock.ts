// The one clock every service, page, export and command reads "now" and "today" from. The system clock gives
// today in the UK, or TRACKER_TODAY (YYYY-MM-DD) when it is set, so a demo or a test runs "as of" a chosen day;
// the variable is read on every call, so a test may set it after the services were made. A fixed clock is for
// tests and for work done "as at" a date.
import type { IsoDate } from '../domain/types.ts';

export interface Clock {
  /** The instant, for timestamps (sessions, audit events, tokens). */
  now(): Date;
  /** The day milestones, KPIs and review periods are judged against. */
  today(): IsoDate;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** Today in the UK at `now`, unless `env.TRACKER_TODAY` fixes it (and it must then be a real YYYY-MM-DD date). */
export function todayIn(env: NodeJS.ProcessEnv, now: Date): IsoDate {
  const fixed = env.TRACKER_TODAY?.trim();
  if (fixed) {
    if (!ISO_DATE.test(fixed) || !isCalendarDate(fixed)) {
      throw new Error(`TRACKER_TODAY must be a date written YYYY-MM-DD, got "${fixed}"`);
    }
    return fixed;
  }
  return ukDayAt(now);
}

// Formatting a date in a time zone is slow for something every request asks: the day is kept for the minute.
let kept = { minute: NaN, day: '' };
function ukDayAt(now: Date): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== kept.minute) kept = { minute, day: ukDate.format(now) };
  return kept.day;
}

export function systemClock(env: NodeJS.ProcessEnv = process.env): Clock {
  return { now: () => new Date(), today: () => todayIn(env, new Date()) };
}

/**
 * A clock whose day is fixed, as TRACKER_TODAY fixes it: the day is `today`, while the instant keeps running (so
 * sessions and audit times stay real) unless `now` stops it too.
 */
export function fixedClock(today: IsoDate, now?: Date): Clock {
  return { now: () => (now ? new Date(now.getTime()) : new Date()), today: () => today };
}
