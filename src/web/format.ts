// Formatting helpers for pages, GOV.UK style: "1 April 2019", "1 April 2019 to 31 March 2020".

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2019-04-01" → "1 April 2019"; anything else is returned unchanged ('' for nothing). */
export function formatDate(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** A plan period or due window: "1 April 2019 to 31 March 2020"; one day as one date; "Not set" without dates. */
export function formatPeriod(window: { from?: string | null; to?: string | null } | null | undefined): string {
  const a = formatDate(window?.from);
  const b = formatDate(window?.to);
  if (a && b) return a === b ? a : `${a} to ${b}`;
  return a || b || 'Not set';
}
