// Things in a milestone that look like dates but were not read as one, and dates still to be confirmed.
// Both only produce warnings: the reader never guesses silently.
import { DASH_SOURCE as DASH, isMonthWord } from './vocabulary.ts';

const TO_BE_CONFIRMED =
  /(?<![\p{L}])(?:TBC|TBA|TBD|t\.b\.c\.?|to\s{1,3}be\s{1,3}(?:confirmed|announced|determined|scheduled)|dates?\s{1,3}to\s{1,3}be\s{1,3}(?:agreed|set|fixed|arranged))(?![\p{L}])/giu;

/** Warnings for "TBC", "to be confirmed" and the like. */
export function findToBeConfirmed(text: string): string[] {
  return [...text.matchAll(TO_BE_CONFIRMED)].map((m) => `"${m[0]}": the date is still to be confirmed`);
}

const FULL_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Edit distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}

const NUMERIC_DATE_LIKE = /(?<![\p{L}\d./-])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?![\p{L}\d])/gu;
const BAD_QUARTER = /(?<![\p{L}\d])Q(?:0|[5-9])(?!\d)/gu;
const WORD = /(?<![\p{L}])\p{L}{2,20}(?:[-‐‑.]\p{L}{1,20}){0,2}(?![\p{L}])/gu;
const CUE_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:by|before|until|till|due|end|end\\s{1,3}of|mid|in|during|from)\\s{1,3}$|(?<![\\p{L}])(?:mid|end)${DASH}$`,
  'iu',
);
const YEAR_AFTER = new RegExp(`^(?:\\s{1,3}|${DASH}|\\s{0,2}['’])(?:\\d{4}|\\d{2})(?!\\d)`, 'u');

function unclaimed(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i]) return false;
  return true;
}

function monthLike(word: string, yearAfter: boolean): boolean {
  if (isMonthWord(word)) return false;
  const joined = /[-‐‑.]/u.test(word);
  const plain = word.toLowerCase().replace(/[-‐‑.]/gu, '');
  if (plain.length < 3) return false;
  // Without a year after it, only near-certain misspellings count ("Febuary", "Sept-ember").
  const limit = yearAfter ? (plain.length <= 4 ? 1 : 2) : joined ? 0 : plain.length >= 5 ? 1 : -1;
  if (limit < 0) return false;
  return FULL_MONTHS.some((month) => editDistance(plain, month, limit) <= limit);
}

/**
 * Warnings for date-like words left unread: "1/2/345", "Q5", "by Sept-ember", "Febuary 2020".
 * `claimed` marks the characters already read as dates.
 */
export function findUnreadable(text: string, claimed: Uint8Array): string[] {
  const warnings: string[] = [];
  for (const m of text.matchAll(NUMERIC_DATE_LIKE)) {
    const start = m.index ?? 0;
    if (unclaimed(claimed, start, start + m[0].length)) warnings.push(`"${m[0]}" looks like a date but could not be read`);
  }
  for (const m of text.matchAll(BAD_QUARTER)) {
    const start = m.index ?? 0;
    if (unclaimed(claimed, start, start + m[0].length)) warnings.push(`"${m[0]}" is not a quarter (quarters are Q1–Q4)`);
  }
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    let word = m[0];
    let wordStart = start;
    const prefixed = /^(?:mid|end)[-‐‑]/iu.exec(word);
    if (prefixed) {
      word = word.slice(prefixed[0].length);
      wordStart += prefixed[0].length;
    }
    if (!unclaimed(claimed, start, start + m[0].length)) continue;
    const end = start + m[0].length;
    const yearAfter = YEAR_AFTER.test(text.slice(end, end + 6));
    const cue = prefixed !== null || CUE_BEFORE.test(text.slice(Math.max(0, wordStart - 12), wordStart));
    if ((yearAfter || cue) && monthLike(word, yearAfter)) {
      warnings.push(`"${text.slice(start, end)}" looks like a month but could not be read`);
    }
  }
  return warnings;
}
