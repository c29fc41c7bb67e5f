// Turns the plan table into a PlanDraft: numbers, titles, KPIs, items, due dates, the plan period and warnings.
import { inferPlanPeriod, readDatePhrase } from '../domain/dates/index.ts';
import type { CommitmentDraft, DueWindow, ImportWarning, MilestoneDraft, PlanDraft } from '../domain/types.ts';
import { splitCommitmentNumber } from './commitment-number.ts';
import { cellItems, hasBullet, withoutBullet } from './item-text.ts';
import type { Cell, DocumentTables, Row } from './plan-table.ts';
import { choosePlanTable, type PlanTable } from './plan-table-choice.ts';
import { readRedateNote } from './redate-note.ts';

interface RawCommitment {
  number: number | null;
  title: string;
  summary: string[];
  kpis: string[];
  milestones: string[];
  monitoring: string[];
  updates: string[];
}

const KPI_LINE = /^KPIs?\b/i;
const KPI_HEADING = /^KPIs?\s*[:-]?\s*$/i;

function cellAt(row: Row, index: number | null): Cell {
  return index === null ? [] : (row[index] ?? []);
}

/** A number written alone in a column before the summary ("1" in a narrow leading column). */
function leadingNumber(row: Row, summaryColumn: number): number | null {
  for (const cell of row.slice(0, summaryColumn)) {
    const { number, rest } = splitCommitmentNumber(cell.join(' '));
    if (number !== null && rest === '') return number;
  }
  return null;
}

/** Title, summary and KPIs from the first cell. A "KPIs:" heading makes the bullets under it KPIs. */
function readSummaryCell(cell: Cell): Pick<RawCommitment, 'number' | 'title' | 'summary' | 'kpis'> {
  const paragraphs = cell.map((p) => p.trim()).filter((p) => withoutBullet(p) !== '');
  let number: number | null = null;
  let title = '';
  let rest = paragraphs;
  const first = paragraphs[0];
  if (first !== undefined) {
    const split = splitCommitmentNumber(first);
    number = split.number;
    title = withoutBullet(split.rest);
    rest = paragraphs.slice(1);
    if (title === '' && rest[0] !== undefined) {
      title = withoutBullet(rest[0]);
      rest = rest.slice(1);
    }
  }
  const summary: string[] = [];
  const kpis: string[] = [];
  let underKpiHeading = false;
  for (const paragraph of rest) {
    const text = withoutBullet(paragraph);
    summary.push(text);
    if (KPI_HEADING.test(text)) {
      underKpiHeading = true;
    } else if (KPI_LINE.test(text)) {
      kpis.push(text);
    } else if (underKpiHeading && hasBullet(paragraph)) {
      kpis.push(text);
    } else {
      underKpiHeading = false;
    }
  }
  return { number, title, summary, kpis };
}

function readRows(table: PlanTable): RawCommitment[] {
  const { columns } = table;
  const found: RawCommitment[] = [];
  for (const row of table.rows) {
    const milestones = cellItems(cellAt(row, columns.milestones));
    const monitoring = cellItems(cellAt(row, columns.monitoring));
    const updates = cellItems(cellAt(row, columns.updates));
    const head = readSummaryCell(cellAt(row, columns.summary));
    const previous = found[found.length - 1];
    if (head.title === '' && previous) {
      // A row without a summary continues the commitment above (a row broken across pages).
      previous.milestones.push(...milestones);
      previous.monitoring.push(...monitoring);
      previous.updates.push(...updates);
      continue;
    }
    found.push({ ...head, number: head.number ?? leadingNumber(row, columns.summary), milestones, monitoring, updates });
  }
  return found;
}

function planTitle(titleProperty: string | null, textBefore: string[]): string | null {
  if (titleProperty && titleProperty.trim() !== '') return titleProperty.trim();
  const candidates = textBefore.map((t) => t.trim()).filter((t) => t !== '' && t.length <= 200);
  return candidates.find((t) => /\bplan\b/i.test(t)) ?? candidates[0] ?? null;
}

/**
 * A milestone's due window from its text; or, when the Word export's footnote says it was re-dated, the window
 * it is due in now with the one first agreed as its baseline (so an exported plan imports back as it stood).
 */
function readMilestone(text: string, period: DueWindow | null, commitment: number, warnings: ImportWarning[], notes?: readonly string[]): MilestoneDraft {
  const redated = readRedateNote(notes);
  if (redated) {
    const recurrence = readDatePhrase(text, { period }).recurrence;
    return { text, due: redated.due, recurrence, baseline: redated.baseline };
  }
  const reading = readDatePhrase(text, { period });
  for (const message of reading.warnings) warnings.push({ commitment, text, message });
  const yearAssumed = reading.matches.some((m) => !m.yearWritten);
  return { text, due: reading.due, recurrence: reading.recurrence, ...(yearAssumed && { yearAssumed }) };
}

/** The plan in the document, or an ImportError when no plan table is found. `what` names the file kind. */
export function buildPlanDraft(document: DocumentTables, what: string): PlanDraft {
  const table = choosePlanTable(document.tables, what);
  const raw = readRows(table);
  const titleTexts = [document.titleProperty ?? '', ...table.textBefore].map((t) => t.trim()).filter((t) => t !== '');
  const period = inferPlanPeriod({ titleTexts, milestoneTexts: raw.flatMap((c) => c.milestones) });
  const warnings: ImportWarning[] = [];
  const commitments: CommitmentDraft[] = [];
  let lastNumber = 0;
  for (const c of raw) {
    const number = c.number ?? lastNumber + 1;
    if (c.number === null) {
      warnings.push({ commitment: number, text: c.title, message: `This commitment has no number; it is numbered ${number}.` });
    }
    lastNumber = number;
    commitments.push({
      number,
      title: c.title,
      summary: c.summary.join('\n'),
      kpis: c.kpis.map((text) => ({ text })),
      milestones: c.milestones.map((text) => readMilestone(text, period, number, warnings, document.notes?.get(text))),
      monitoring: c.monitoring.map((text) => ({ text })),
      updates: c.updates.map((text) => ({ text })),
    });
  }
  return { title: planTitle(document.titleProperty, table.textBefore), period, commitments, warnings };
}
