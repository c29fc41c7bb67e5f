// The portfolio's RAG grid as CSV: one row per plan as the page shows it (same period, filters and order), one
// column per commitment number, then the counts. Ratings awaiting sign-off say so in words; text cells that a
// spreadsheet would run as a formula are neutralised (csv-cell.ts).
import { stringify } from 'csv-stringify/sync';
import { cellText, changeText, type RollUp } from '../services/portfolio-service.ts';
import { safeCsvRows } from './csv-cell.ts';

export function portfolioGridCsv(rollUp: RollUp): string {
  const header = [
    'Organisation', 'Plan', 'Review period',
    ...rollUp.numbers.map((n) => `Commitment ${n}`),
    ...rollUp.numbers.map((n) => `Commitment ${n} change`),
    'Reds', 'Better', 'Worse', 'New reds', 'Overdue milestones', 'Updates outstanding', 'As at',
  ];
  const rows = rollUp.rows.map((r) => {
    const byNumber = new Map(r.cells.map((c) => [c.number, c]));
    return [
      r.organisationName,
      r.plan?.title ?? 'No plan yet',
      r.periodId === null ? '' : (rollUp.period ?? ''),
      ...rollUp.numbers.map((n) => {
        const cell = byNumber.get(n);
        return cell ? cellText(cell.rating) : '';
      }),
      ...rollUp.numbers.map((n) => {
        const cell = byNumber.get(n);
        return cell ? changeText(cell) : '';
      }),
      r.reds, r.changes.better, r.changes.worse, r.changes.newRed, r.overdue, r.outstanding ?? '', rollUp.asAt,
    ];
  });
  return stringify([header, ...safeCsvRows(rows)], { bom: true, record_delimiter: 'windows' });
}
