// The portfolio exception report as a Word document: landscape A4 as the plan template is (docx-template.ts), a
// title, the date it is as at and the period, then one table per kind of exception with a header row repeated
// on every page; "Page N of M" in the footer.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExceptionReport } from '../domain/portfolio-exceptions.ts';
import { EXCEPTION_TITLE, asAtLine, exceptionTables } from './portfolio-exceptions-text.ts';
import type { ExceptionReportOptions } from './portfolio-exceptions-pdf.ts';
import { CELL_MARGINS, HEADER_FILL, TABLE_WIDTH, landscapePage, pageNumberFooter } from './docx-page.ts';


// A national report has thousands of rows: cells carry no settings of their own (the table gives the margins and
// the fixed column widths), which halves the time the Word file takes to make.
function headerCell(text: string): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
    shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
  });
}

function sectionTable(headers: string[], shares: number[], rows: string[][]): Table {
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: shares.map((s) => Math.floor(TABLE_WIDTH * s)),
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map(headerCell) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => new TableCell({ children: [new Paragraph(text)] })) })),
    ],
  });
}

export function portfolioExceptionsDocx(report: ExceptionReport, opts: ExceptionReportOptions): Promise<Buffer> {
  const body = exceptionTables(report).flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.title)], spacing: { before: 240, after: 120 } }),
    section.rows.length === 0
      ? new Paragraph({ children: [new TextRun({ text: section.empty, italics: true })] })
      : sectionTable(section.headers, section.shares, section.rows),
  ]);
  const doc = new Document({
    title: `${EXCEPTION_TITLE}${report.periodLabel ? `: ${report.periodLabel}` : ''}`,
    creator: 'Improvement Tracker',
    description: asAtLine(report),
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: landscapePage(),
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(EXCEPTION_TITLE)] }),
          new Paragraph({ children: [new TextRun(asAtLine(report))], spacing: { after: 80 } }),
          new Paragraph({ children: [new TextRun(`Across ${opts.coverage}. Ratings awaiting sign-off are marked "not yet signed off".`)], spacing: { after: 200 } }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
