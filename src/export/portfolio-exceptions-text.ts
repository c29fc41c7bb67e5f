// The words of the exception report, shared by its page, PDF and Word file so that all three say the same: the
// title, the "as at" line, each section's heading and empty message, and each row's cells.
import { formatLong } from '../domain/dates/index.ts';
import { ragLabel } from '../domain/rag.ts';
import { cellText } from '../domain/portfolio.ts';
import type { ExceptionReport, OffTrackKpi, RatingException, SlippedMilestone } from '../domain/portfolio-exceptions.ts';
import { windowText } from './milestone-notes.ts';

export const EXCEPTION_TITLE = 'Portfolio exception report';

export function asAtLine(report: Pick<ExceptionReport, 'asAt' | 'periodLabel'>): string {
  const period = report.periodLabel ? `review period ${report.periodLabel}` : 'no review period';
  return `As at ${formatLong(report.asAt)}, for ${period}. Milestones and KPIs are judged as at that date.`;
}

export interface ExceptionSection<T> {
  title: string;
  empty: string;
  columns: { header: string; share: number; text: (row: T) => string }[];
  rows: T[];
}

const place = (r: { organisationName: string; planTitle: string }) => r.organisationName;
const commitment = (r: { commitmentNumber: number; commitmentTitle: string }) => `${r.commitmentNumber}. ${r.commitmentTitle}`;
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function exceptionSections(report: ExceptionReport) {
  const reds: ExceptionSection<RatingException> = {
    title: `Red ratings (${report.reds.length})`,
    empty: 'No commitment is rated red for this period.',
    columns: [
      { header: 'Organisation', share: 0.3, text: place },
      { header: 'Commitment', share: 0.45, text: commitment },
      { header: 'Rating', share: 0.25, text: (r) => cellText(r.rating) },
    ],
    rows: report.reds,
  };
  const worsened: ExceptionSection<RatingException> = {
    title: `Worsened ratings (${report.worsened.length})`,
    empty: 'No rating is worse than in the previous period.',
    columns: [
      { header: 'Organisation', share: 0.3, text: place },
      { header: 'Commitment', share: 0.4, text: commitment },
      { header: 'Change', share: 0.3, text: (r) => `${r.previous ? ragLabel(r.previous) : 'No rating'} to ${cellText(r.rating)}` },
    ],
    rows: report.worsened,
  };
  const slipped: ExceptionSection<SlippedMilestone> = {
    title: `Slipped milestones (${report.slipped.length})`,
    empty: 'No open milestone is overdue or was moved later.',
    columns: [
      { header: 'Organisation', share: 0.2, text: place },
      { header: 'Commitment', share: 0.08, text: (r) => String(r.commitmentNumber) },
      { header: 'Milestone', share: 0.3, text: (r) => r.text },
      { header: 'Due', share: 0.18, text: (r) => windowText(r.due) },
      { header: 'Overdue by', share: 0.12, text: (r) => (r.overdueDays > 0 ? days(r.overdueDays) : 'Not overdue') },
      { header: 'Moved later by', share: 0.12, text: (r) => (r.slippedDays > 0 ? days(r.slippedDays) : 'Not moved') },
    ],
    rows: report.slipped,
  };
  const offTrack: ExceptionSection<OffTrackKpi> = {
    title: `KPIs off trajectory (${report.offTrack.length})`,
    empty: 'No KPI is off its trajectory.',
    columns: [
      { header: 'Organisation', share: 0.22, text: place },
      { header: 'Commitment', share: 0.08, text: (r) => String(r.commitmentNumber) },
      { header: 'KPI', share: 0.3, text: (r) => r.text },
      { header: 'Why', share: 0.4, text: (r) => r.reason },
    ],
    rows: report.offTrack,
  };
  return { reds, worsened, slipped, offTrack };
}

/** The sections as plain header/rows tables, for the page, the PDF and the Word file alike. */
export function exceptionTables(report: ExceptionReport): { title: string; empty: string; headers: string[]; shares: number[]; rows: string[][] }[] {
  const s = exceptionSections(report);
  const table = <T,>(section: ExceptionSection<T>) => ({
    title: section.title,
    empty: section.empty,
    headers: section.columns.map((c) => c.header),
    shares: section.columns.map((c) => c.share),
    rows: section.rows.map((r) => section.columns.map((c) => c.text(r))),
  });
  return [table(s.reds), table(s.worsened), table(s.slipped), table(s.offTrack)];
}
