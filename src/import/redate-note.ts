// A re-dated milestone's note as the Word export writes it (export/milestone-notes.ts), read back on import:
// "… Re-dated: now due 30 June 2019 (first agreed 1 April 2019 to 31 May 2019): reason." gives the milestone's
// current due window and its baseline (the window first agreed). Only that exact wording is read: any other
// footnote is left alone, so a plan's own footnotes never change its dates.
import { isIsoDate } from '../domain/dates/index.ts';
import type { DueWindow, IsoDate } from '../domain/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NOTE = /Re-dated: now due (.+?) \(first agreed (.+?)\)/;
const LONG_DATE = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/;

export interface RedateNote {
  due: DueWindow | null;
  baseline: DueWindow | null;
}

/** "31 May 2019" → "2019-05-31"; undefined for anything else. */
function longDate(text: string): IsoDate | undefined {
  const match = LONG_DATE.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2] ?? '') + 1;
  if (month === 0) return undefined;
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${String(Number(match[1])).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "no date", "31 May 2019" or "1 April 2019 to 31 May 2019"; undefined when it is none of these. */
function windowOf(text: string): DueWindow | null | undefined {
  if (text.trim() === 'no date') return null;
  const [a, b, ...rest] = text.split(' to ');
  if (rest.length > 0 || a === undefined) return undefined;
  const from = longDate(a);
  const to = b === undefined ? from : longDate(b);
  return from && to && from <= to ? { from, to } : undefined;
}

/** The due window and baseline a re-date note gives, or null when the notes hold none (or it does not read). */
export function readRedateNote(notes: readonly string[] | undefined): RedateNote | null {
  for (const note of notes ?? []) {
    const match = NOTE.exec(note);
    if (!match) continue;
    const due = windowOf(match[1] ?? '');
    const baseline = windowOf(match[2] ?? '');
    if (due !== undefined && baseline !== undefined) return { due, baseline };
  }
  return null;
}
