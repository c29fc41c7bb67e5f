// Occurrences of a recurring milestone ("Quarterly board report") inside a window, usually the plan period.
//
// The rule: time is cut into consecutive blocks of 1 (monthly), 3 (quarterly), 6 (six-monthly) or 12
// (annually) calendar months, aligned so that a block starts on the first of the anchor's month. Each block
// whose last day lies inside the window is one occurrence, due by that last day: its window runs from the
// block's first day (or the window's start, if later) to the block's last day. A block that the window cuts
// off before its end has no occurrence.
//
// The anchor is the start of the financial year (default 1 April, the UK public-sector year), so in a
// 2019/20 plan (1 Apr 2019 – 31 Mar 2020):
//   monthly      → the end of each month, 30 Apr 2019 … 31 Mar 2020 (12);
//   quarterly    → 30 Jun, 30 Sep, 31 Dec 2019 and 31 Mar 2020 (the financial quarters' ends);
//   six-monthly  → 30 Sep 2019 and 31 Mar 2020;
//   annually     → the window's end.
// Annually without an anchor is the one exception to month blocks: the occurrences are the window's end and
// every 12 months before it still inside the window (so a two-year plan has one at the end of each year).
import { addDays, addMonths, minDate, maxDate, monthEnd, monthIndex, monthStart } from './iso-days.ts';
import type { DueWindow, IsoDate, Recurrence } from './types.ts';

const BLOCK_MONTHS: Record<Recurrence, number> = {
  monthly: 1,
  quarterly: 3,
  'six-monthly': 6,
  annually: 12,
};

/** The default financial-year start month: April. */
const APRIL = 3; // month index within a year, 0-based

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

export function occurrences(recurrence: Recurrence, window: DueWindow, anchor?: IsoDate): DueWindow[] {
  if (window.to < window.from) return [];
  const length = BLOCK_MONTHS[recurrence];
  // The month (0..11) a block starts in.
  if (recurrence === 'annually' && anchor === undefined) return yearsEndingAt(window);
  const anchorMonth = anchor !== undefined ? mod(monthIndex(anchor), 12) : APRIL;
  const found: DueWindow[] = [];
  for (let month = monthIndex(window.from); month <= monthIndex(window.to); month++) {
    // A block ends in `month` when the next month starts a block.
    if (mod(month + 1 - anchorMonth, length) !== 0) continue;
    const end = monthEnd(month);
    if (end < window.from || end > window.to) continue;
    found.push({ from: maxDate(monthStart(month - length + 1), window.from), to: minDate(end, window.to) });
  }
  return found;
}

function yearsEndingAt(window: DueWindow): DueWindow[] {
  const found: DueWindow[] = [];
  for (let k = 0; ; k++) {
    const to = addMonths(window.to, -12 * k);
    if (to < window.from) break;
    found.unshift({ from: maxDate(addDays(addMonths(window.to, -12 * (k + 1)), 1), window.from), to });
  }
  return found;
}
