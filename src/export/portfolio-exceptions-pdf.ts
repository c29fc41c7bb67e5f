// The portfolio exception report as a PDF (A4, Helvetica), drawn with the board report's helpers (pdf-layout.ts):
// a title with the date it is as at and the period, then red ratings, worsened ratings, slipped milestones and
// KPIs off trajectory, each as a table; "Page N of M" on every page.
import PDFDocument from 'pdfkit';
import type { ExceptionReport } from '../domain/portfolio-exceptions.ts';
import { COLOURS, FONT, contentWidth, heading, numberPages, paragraph, table, type Pdf } from './pdf-layout.ts';
import { EXCEPTION_TITLE, asAtLine, exceptionTables } from './portfolio-exceptions-text.ts';

export interface ExceptionReportOptions {
  /** Who the report is for, said under the title ("3 organisations"). */
  coverage: string;
}

export function portfolioExceptionsPdf(report: ExceptionReport, opts: ExceptionReportOptions): Promise<Buffer> {
  const doc: Pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    bufferPages: true,
    info: { Title: `${EXCEPTION_TITLE}${report.periodLabel ? `: ${report.periodLabel}` : ''}`, Creator: 'Improvement Tracker' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(FONT.bold).fontSize(22).fillColor(COLOURS.text).text(EXCEPTION_TITLE, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  paragraph(doc, asAtLine(report), { size: 11 });
  paragraph(doc, `Across ${opts.coverage}. Ratings awaiting sign-off are marked "not yet signed off".`, { colour: COLOURS.secondary });
  for (const section of exceptionTables(report)) {
    heading(doc, section.title, 14);
    if (section.rows.length === 0) {
      paragraph(doc, section.empty, { font: FONT.italic, colour: COLOURS.secondary });
      continue;
    }
    table(
      doc,
      section.headers.map((header, i) => ({ header, share: section.shares[i] ?? 0, text: (row: string[]) => row[i] ?? '' })),
      section.rows,
    );
  }
  numberPages(doc);
  doc.end();
  return done;
}
