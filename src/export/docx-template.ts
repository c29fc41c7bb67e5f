// The plan back in the government's four-column Word template: landscape A4, the template's header row
// (repeated on every page), one row per commitment.
//
// Round trip: everything the importer reads is exactly as stored. Milestone and monitoring texts are bullets
// (real Word numbering) holding only the stored text; a status, a re-date or evidence goes into a footnote
// whose reference mark follows the text, and the importer reads neither footnotes nor their marks. Area Lead
// entries are one paragraph each: "2019/20 Q1 (Amber): narrative" for a review period's update, the text as
// written for an update imported with the plan. The title paragraph (and the document's title property) names
// the financial year, so that the importer infers the same plan period.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  HeadingLevel,
} from 'docx';
import { formatLong } from '../domain/dates/index.ts';
import type { IsoDate } from '../domain/types.ts';
import type { CommitmentDetail } from '../domain/records.ts';
import { areaLeadEntries, choosePeriod, type AreaLeadEntry, type PeriodChoice } from './area-lead-updates.ts';
import { numberedTitle, type ExportPlan } from './export-plan.ts';
import { milestoneNote, monitoringNote } from './milestone-notes.ts';
import { planHeading } from './plan-heading.ts';
import { CELL_MARGINS, HEADER_FILL, TABLE_WIDTH, landscapePage, pageNumberFooter } from './docx-page.ts';

export interface DocxExportOptions {
  /** The review period whose updates fill the Area Lead column, or 'all' (the default): every period, labelled. */
  periodLabel?: PeriodChoice;
  /** The date the document is as at, said under the title. */
  asAt?: IsoDate;
}

/** The template's header row: column name and the hint under it. */
export const TEMPLATE_COLUMNS = [
  { name: 'Improvement summary', hint: 'Summarise the improvement that needs to be made, including KPIs' },
  { name: 'Milestones', hint: 'Add key milestones and dates (where possible)' },
  { name: 'Monitoring process', hint: 'Note how you will monitor progress' },
  { name: 'Area Lead progress update', hint: 'To be completed on a quarterly basis, referencing progress on KPIs' },
] as const;

const BULLETS = 'template-bullets';
const COLUMN_SHARES = [0.28, 0.28, 0.22, 0.22];

type Footnotes = Record<string, { children: Paragraph[] }>;

class FootnoteList {
  readonly notes: Footnotes = {};
  private next = 1;

  /** Registers the note and returns the reference mark to put after the text. */
  add(text: string): FootnoteReferenceRun {
    const id = this.next++;
    this.notes[id] = { children: [new Paragraph({ children: [new TextRun(text)] })] };
    return new FootnoteReferenceRun(id);
  }
}

/** Text with line breaks kept as breaks inside one paragraph. */
function linesAsRuns(text: string, options: { bold?: boolean } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function plainParagraphs(texts: readonly string[]): Paragraph[] {
  return texts.map((t) => new Paragraph({ children: [new TextRun(t)], spacing: { after: 80 } }));
}

function bullet(text: string, note: string | null, footnotes: FootnoteList): Paragraph {
  const children = [new TextRun(text), ...(note ? [footnotes.add(note)] : [])];
  return new Paragraph({ children, numbering: { reference: BULLETS, level: 0 }, spacing: { after: 60 } });
}

/** How the importer knows a KPI in the summary cell: a line starting "KPI" (see import/plan-builder.ts). */
const KPI_LINE = /^KPIs?\b/i;

/** "KPI: <text>", unless the text already starts with "KPI". */
export function kpiLine(text: string): string {
  const trimmed = text.trim();
  return KPI_LINE.test(trimmed) ? trimmed : `KPI: ${trimmed}`;
}

/**
 * Summary lines, then a "KPI: …" line for each KPI the summary does not already hold as one, so that every KPI
 * imports back as a KPI. A summary line that is a KPI's text (a bullet under a "KPIs:" heading in the original)
 * is written as a "KPI: …" line too: without its bullet the importer would not know it.
 */
function summaryParagraphs(c: CommitmentDetail): Paragraph[] {
  const kpiTexts = new Set(c.kpis.map((k) => k.text.trim()).filter((k) => k !== ''));
  const lines = c.summary
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (kpiTexts.has(l) ? kpiLine(l) : l));
  const kpis = [...kpiTexts].map(kpiLine).filter((k) => !lines.includes(k));
  return [
    new Paragraph({ children: [new TextRun({ text: numberedTitle(c), bold: true })], spacing: { after: 120 } }),
    ...plainParagraphs([...lines, ...kpis]),
  ];
}

function areaLeadParagraph(entry: AreaLeadEntry): Paragraph {
  const children = entry.label ? [new TextRun({ text: `${entry.label}: `, bold: true }), ...linesAsRuns(entry.text)] : linesAsRuns(entry.text);
  return new Paragraph({ children, spacing: { after: 120 } });
}

function cell(children: Paragraph[], width: number, fill?: string): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    ...(fill && { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } }),
  });
}

const widths = COLUMN_SHARES.map((s) => Math.floor(TABLE_WIDTH * s));
const widthAt = (i: number): number => widths[i] ?? 0;

function headerRow(): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TEMPLATE_COLUMNS.map((col, i) =>
      cell(
        [
          new Paragraph({ children: [new TextRun({ text: col.name, bold: true })], spacing: { after: 60 } }),
          new Paragraph({ children: [new TextRun({ text: col.hint, italics: true })] }),
        ],
        widthAt(i),
        HEADER_FILL,
      ),
    ),
  });
}

function commitmentRow(plan: ExportPlan, c: CommitmentDetail, period: PeriodChoice, footnotes: FootnoteList): TableRow {
  const milestones = c.milestones.map((m) => bullet(m.text, milestoneNote(m, plan.redates), footnotes));
  const monitoring = c.monitoring.map((m) => bullet(m.text, monitoringNote(m, plan.evidence), footnotes));
  const updates = areaLeadEntries(plan, c, period).map(areaLeadParagraph);
  return new TableRow({
    children: [
      cell(summaryParagraphs(c), widthAt(0)),
      cell(milestones, widthAt(1)),
      cell(monitoring, widthAt(2)),
      cell(updates, widthAt(3)),
    ],
  });
}

/** What the Area Lead column shows, said under the title. */
function periodLine(plan: ExportPlan, choice: PeriodChoice): string {
  const period = choosePeriod(plan, choice);
  return period ? `Area Lead progress updates for ${period.label}` : 'Area Lead progress updates for all review periods';
}

/** The plan as a Word document in the four-column template. Throws UnknownPeriodError for an unknown period. */
export async function exportPlanDocx(plan: ExportPlan, opts: DocxExportOptions = {}): Promise<Buffer> {
  const period = opts.periodLabel ?? 'all';
  const heading = planHeading(plan);
  const footnotes = new FootnoteList();
  const table = new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [headerRow(), ...plan.commitments.map((c) => commitmentRow(plan, c, period, footnotes))],
  });
  const doc = new Document({
    title: heading,
    creator: 'Improvement Tracker',
    description: periodLine(plan, period),
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 284, hanging: 284 } } },
            },
          ],
        },
      ],
    },
    footnotes: footnotes.notes,
    sections: [
      {
        properties: landscapePage(),
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] }),
          new Paragraph({ children: [new TextRun(periodLine(plan, period))], spacing: { after: opts.asAt ? 80 : 200 } }),
          ...(opts.asAt ? [new Paragraph({ children: [new TextRun(`As at ${formatLong(opts.asAt)}`)], spacing: { after: 200 } })] : []),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
