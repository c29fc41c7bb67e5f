// The board report as a PDF for printing (A4, Helvetica): a cover, the RAG summary across commitments (counts
// and a table), overdue and soon-due milestones as of `today`, KPI charts, and each commitment's latest update;
// "Page N of M" on every page.
import PDFDocument from 'pdfkit';
import { formatLong } from '../domain/dates/index.ts';
import type { IsoDate } from '../domain/types.ts';
import { boardReportData, RAG_ORDER, type CommitmentStanding, type DatedMilestone } from './board-report-data.ts';
import { numberedTitle, type ExportPlan } from './export-plan.ts';
import { windowText } from './milestone-notes.ts';
import { COLOURS, FONT, contentWidth, heading, numberPages, paragraph, ragBadge, ragText, table, type Pdf } from './pdf-layout.ts';
import { drawKpiChart } from './pdf-kpi-chart.ts';
import { planHeading } from './plan-heading.ts';

export interface BoardReportOptions {
  organisationName: string;
  /** The date the report is as at: what is overdue or due soon is judged against it. */
  today: IsoDate;
}

function cover(doc: Pdf, plan: ExportPlan, opts: BoardReportOptions): void {
  const width = contentWidth(doc);
  doc.y = doc.page.height / 3;
  doc.font(FONT.regular).fontSize(14).fillColor(COLOURS.secondary).text('Board report', { width });
  doc.moveDown(0.4).font(FONT.bold).fontSize(26).fillColor(COLOURS.text).text(planHeading(plan), { width });
  doc.moveDown(1).font(FONT.regular).fontSize(14).text(opts.organisationName, { width });
  const period = plan.period ? `Plan period: ${windowText(plan.period)}` : 'Plan period: not set';
  doc.moveDown(0.4).fontSize(12).fillColor(COLOURS.secondary).text(period, { width });
  doc.moveDown(0.2).text(`Report date: ${formatLong(opts.today)}`, { width });
  doc.moveDown(0.2).text(`As at ${formatLong(opts.today)}: milestones, KPI readings and updates up to this date.`, { width });
  doc.moveDown(0.2).text('RAG ratings are those signed off by the reviewer; ratings awaiting sign-off are not counted.', { width });
}

function ragSummary(doc: Pdf, standings: CommitmentStanding[], counts: Record<string, number>): void {
  heading(doc, 'RAG summary');
  const line = RAG_ORDER.map((rag) => `${ragText(rag === 'none' ? null : rag)}: ${counts[rag] ?? 0}`).join('   ');
  paragraph(doc, `${standings.length} commitments. ${line}`, { font: FONT.bold });
  const awaiting = standings.filter((s) => s.awaitingSignOff !== null).length;
  if (awaiting > 0) {
    paragraph(doc, `${awaiting} ${awaiting === 1 ? 'commitment has an update' : 'commitments have updates'} submitted but not yet signed off: shown by their last signed-off rating.`, {
      colour: COLOURS.secondary,
    });
  }
  doc.moveDown(0.5);
  table(
    doc,
    [
      { header: 'Commitment', share: 0.55, text: (s: CommitmentStanding) => numberedTitle(s.commitment) },
      { header: 'RAG', share: 0.15, text: (s) => ragText(s.rag), draw: (d, s, x, y) => ragBadge(d, s.rag, x, y) },
      { header: 'Latest update', share: 0.3, text: (s) => s.latest?.period?.label ?? 'None yet' },
    ],
    standings,
  );
}

function milestoneTable(doc: Pdf, title: string, empty: string, rows: DatedMilestone[], overdue: boolean): void {
  heading(doc, title, 13);
  if (rows.length === 0) {
    paragraph(doc, empty, { font: FONT.italic, colour: COLOURS.secondary });
    return;
  }
  table(
    doc,
    [
      { header: 'No.', share: 0.07, text: (r: DatedMilestone) => String(r.commitment.number) },
      { header: 'Milestone', share: 0.6, text: (r) => r.milestone.text },
      { header: 'Due', share: 0.18, text: (r) => windowText(r.milestone.due) },
      { header: overdue ? 'Days overdue' : 'Status', share: 0.15, text: (r) => (overdue ? String(r.daysOverdue) : r.milestone.status.replace('-', ' ')) },
    ],
    rows,
  );
}

function latestUpdates(doc: Pdf, standings: CommitmentStanding[]): void {
  heading(doc, 'Latest progress updates');
  for (const s of standings) {
    paragraph(doc, numberedTitle(s.commitment), { font: FONT.bold, size: 11 });
    if (!s.latest) {
      paragraph(doc, 'No progress update yet.', { font: FONT.italic, colour: COLOURS.secondary });
    } else {
      paragraph(doc, `${s.latest.period?.label ?? ''} – ${ragText(s.rag)}`, { colour: COLOURS.secondary });
      paragraph(doc, s.latest.text);
    }
    if (s.awaitingSignOff) {
      paragraph(doc, `${s.awaitingSignOff.period?.label ?? ''}: update submitted, not yet signed off.`, { font: FONT.italic, colour: COLOURS.secondary });
    }
    doc.moveDown(0.6);
  }
}

/** The board report of the plan as PDF bytes. */
export function boardReportPdf(plan: ExportPlan, opts: BoardReportOptions): Promise<Buffer> {
  const data = boardReportData(plan, opts.today);
  const doc: Pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: `Board report: ${planHeading(plan)}`, Author: opts.organisationName, Creator: 'Improvement Tracker' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  cover(doc, plan, opts);
  doc.addPage();
  ragSummary(doc, data.standings, data.ragCounts);
  heading(doc, 'Milestones');
  milestoneTable(doc, `Overdue on ${formatLong(opts.today)}`, 'No milestone is overdue.', data.overdue, true);
  milestoneTable(doc, 'Due in the next 30 days', 'No milestone is due in the next 30 days.', data.dueSoon, false);
  heading(doc, 'KPIs');
  if (data.kpis.length === 0) paragraph(doc, 'The plan has no KPIs.', { font: FONT.italic, colour: COLOURS.secondary });
  for (const k of data.kpis) drawKpiChart(doc, `${k.commitment.number}. ${k.kpi.text}`, k.kpi, k.readings);
  latestUpdates(doc, data.standings);
  numberPages(doc);
  doc.end();
  return done;
}
