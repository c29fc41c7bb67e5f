// The date a page or an export is "as at": what is overdue, due soon, measured or reported is judged on it.
// A plan whose period has ended is shown as at its last day (a board should read "overdue by 12 days at the
// plan's end", never "overdue by 2,741 days"); while the plan runs, or before it starts, as at today. An export
// made after the plan's end defaults to the end of the latest signed-off review period (what the board last
// agreed), or the plan's last day when no period is signed off. The user may always pick another date.
// Pure: no I/O.
import type { DueWindow, IsoDate } from './types.ts';

/** Why the date was chosen, for the sentence beside it. */
export type AsAtReason = 'chosen' | 'today' | 'plan-ended' | 'latest-signed-off';

export interface AsAt {
  date: IsoDate;
  reason: AsAtReason;
}

/** Pages: today, or the plan's last day once the plan has ended. */
export function pageAsAt(today: IsoDate, planPeriod: DueWindow | null, chosen?: IsoDate | null): AsAt {
  if (chosen) return { date: chosen, reason: 'chosen' };
  if (planPeriod && today > planPeriod.to) return { date: planPeriod.to, reason: 'plan-ended' };
  return { date: today, reason: 'today' };
}

/**
 * Exports: the chosen date; else today while the plan has not ended; else the end of the latest signed-off
 * review period that ended by the plan's end; else the plan's last day.
 */
export function exportAsAt(today: IsoDate, planPeriod: DueWindow | null, signedOffPeriodEnds: readonly IsoDate[], chosen?: IsoDate | null): AsAt {
  if (chosen) return { date: chosen, reason: 'chosen' };
  if (!planPeriod || today <= planPeriod.to) return { date: today, reason: 'today' };
  const latest = [...signedOffPeriodEnds].filter((d) => d <= planPeriod.to && d <= today).sort().at(-1);
  return latest ? { date: latest, reason: 'latest-signed-off' } : { date: planPeriod.to, reason: 'plan-ended' };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (years 1900–2999), or null. */
export function parseAsAt(text: string | null | undefined): IsoDate | null {
  const value = (text ?? '').trim();
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : null;
}
