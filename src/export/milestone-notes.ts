// The status and dates of a milestone or monitoring item as a note beside its text, only where the note says
// something the text does not: a status other than "not started", a done date, a re-dated deadline, evidence.
import { formatLong } from '../domain/dates/index.ts';
import type { DueWindow } from '../domain/types.ts';
import type { EvidenceRecord, MilestoneRecord, MilestoneRedateRecord, MonitoringItemRecord } from '../domain/records.ts';

const STATUS_WORDS = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' } as const;

export function statusWords(status: MilestoneRecord['status']): string {
  return STATUS_WORDS[status];
}

/** "31 May 2019", or "1 April 2019 to 31 May 2019" for a window; "no date" for none. */
export function windowText(window: DueWindow | null): string {
  if (!window) return 'no date';
  return window.from === window.to ? formatLong(window.to) : `${formatLong(window.from)} to ${formatLong(window.to)}`;
}

function sameWindow(a: DueWindow | null, b: DueWindow | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}

/** "Done on 12 June 2019. Re-dated: now due 30 June 2019 (first agreed 1 April 2019 to 31 May 2019): <reason>." */
export function milestoneNote(m: MilestoneRecord, redates: readonly MilestoneRedateRecord[] = []): string | null {
  const parts: string[] = [];
  if (m.status === 'done') parts.push(m.doneOn ? `Done on ${formatLong(m.doneOn)}.` : 'Done.');
  else if (m.status !== 'not-started') parts.push(`${statusWords(m.status)}.`);
  if (!sameWindow(m.due, m.baseline)) {
    const reasons = redates.filter((r) => r.milestoneId === m.id).map((r) => r.reason.trim()).filter((r) => r !== '');
    const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
    parts.push(`Re-dated: now due ${windowText(m.due)} (first agreed ${windowText(m.baseline)})${why}.`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

/** "Evidence: 3 July 2019 – Board minutes; 1 August 2019 – https://…" */
export function monitoringNote(item: MonitoringItemRecord, evidence: readonly EvidenceRecord[] = []): string | null {
  const own = evidence.filter((e) => e.monitoringItemId === item.id).sort((a, b) => a.date.localeCompare(b.date));
  if (own.length === 0) return null;
  const entries = own.map((e) => {
    const what = [e.note, e.link].filter((s): s is string => Boolean(s && s.trim())).join(' ');
    return what === '' ? formatLong(e.date) : `${formatLong(e.date)} – ${what}`;
  });
  return `Evidence: ${entries.join('; ')}.`;
}
