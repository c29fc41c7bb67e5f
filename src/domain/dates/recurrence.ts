// Recurring milestones: "Quarterly", "every six months", "monthly", "annually". A recurrence is not a date.
import type { Recurrence } from '../types.ts';

// Leftmost match wins, so "six-monthly" is found before the "monthly" inside it; the look-behind stops
// "bi-monthly" from reading as monthly. "Annual General Meeting" is an event: only "annually" counts.
const RECURRENCE =
  /(?<![\p{L}\d-])(?:(?:six|6)[\s-]?monthly|every\s{1,3}(?:six|6)\s{1,3}months|bi-?annual(?:ly)?|half[\s-]?yearly|twice\s{1,3}(?:a|per|each)\s{1,3}year|quarterly|(?:every|each|once\s{1,3}a)\s{1,3}quarter|every\s{1,3}(?:three|3)\s{1,3}months|(?:three|3)[\s-]?monthly|monthly|(?:every|each|once\s{1,3}a)\s{1,3}month|annually|yearly|(?:every|each|once\s{1,3}a)\s{1,3}year|every\s{1,3}(?:twelve|12)\s{1,3}months)(?![\p{L}])/iu;

/** The recurrence a text names first, or null. */
export function readRecurrence(text: string): Recurrence | null {
  const m = RECURRENCE.exec(text);
  if (!m) return null;
  const phrase = m[0].toLowerCase();
  if (/twelve|12/.test(phrase)) return 'annually';
  if (/six|6|bi-?annual|half|twice/.test(phrase)) return 'six-monthly';
  if (/quarter|three|3/.test(phrase)) return 'quarterly';
  if (/month/.test(phrase)) return 'monthly';
  return 'annually';
}
