// Every export in one place: a plan, already read and cut to what its reader may see, in a chosen format, as bytes
// with a file name and content type. The export service (services/export-data.ts) reads the plan and calls this;
// nothing here reads the database.
import { exportAsAt, type AsAt } from '../domain/as-at.ts';
import type { IsoDate } from '../domain/types.ts';
import type { PeriodChoice } from './area-lead-updates.ts';
import { exportCsvZip, exportEntityCsv } from './csv.ts';
import { ENTITIES, isEntity, type Entity } from './entity-tables.ts';
import { fileStem, type ExportPlan } from './export-plan.ts';
import { exportPlanIcs } from './ics.ts';
import { exportPlanJson } from './plan-json.ts';
import { planHeading } from './plan-heading.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';

export { EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';

export interface ExportRequest {
  format: string;
  /** docx: the review period for the Area Lead column ('all' by default). */
  period?: PeriodChoice;
  /** csv: one entity's file instead of a zip of all. */
  entity?: string;
  /** Today: the default as-at date while the plan runs (see domain/as-at.ts). */
  today: IsoDate;
  /** The date the export is as at (what is overdue is judged against it); default from `today` and the plan. */
  asAt?: IsoDate;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** The date the file is as at, and why that date. */
  asAt: AsAt;
}

/** A request the exports cannot serve: an unknown plan, format, entity or period. The message is for the user. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

function isFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/** "lancashire-lep-improvement-plan-2019-20.docx", "…-board-report.pdf", "…-milestones.csv". */
export function exportFileName(plan: ExportPlan, format: ExportFormat, entity?: Entity): string {
  const stem = fileStem(planHeading(plan));
  switch (format) {
    case 'pdf':
      return `${stem}-board-report.pdf`;
    case 'csv':
      return entity ? `${stem}-${entity}.csv` : `${stem}-csv.zip`;
    case 'ics':
      return `${stem}-milestones.ics`;
    default:
      return `${stem}.${format}`;
  }
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

/** The format and entity asked for, checked before anything is read (an ExportError says what is wrong). */
export function checkExportRequest(req: ExportRequest): { format: ExportFormat; entity: Entity | undefined } {
  const format = req.format.trim().toLowerCase();
  if (!isFormat(format)) throw new ExportError(`Unknown format "${req.format}": use one of ${EXPORT_FORMATS.join(', ')}`);
  if (req.entity !== undefined && format !== 'csv') throw new ExportError('--entity goes with --format csv only');
  if (req.period !== undefined && format !== 'docx') throw new ExportError('--period goes with --format docx only');
  if (req.entity !== undefined && !isEntity(req.entity)) {
    throw new ExportError(`Unknown entity "${req.entity}": use one of ${ENTITIES.join(', ')}`);
  }
  return { format, entity: req.entity as Entity | undefined };
}

// Word, PDF and Excel (docx, pdfkit, exceljs: large libraries) load on the first export in that format, not at start.
async function render(plan: ExportPlan, format: ExportFormat, req: ExportRequest, entity: Entity | undefined): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('./docx-template.ts')).exportPlanDocx(plan, { periodLabel: req.period ?? 'all', asAt: plan.asAt });
    case 'pdf':
      return (await import('./board-report-pdf.ts')).boardReportPdf(plan, { organisationName: plan.organisationName ?? '', today: plan.asAt ?? req.today });
    case 'xlsx':
      return (await import('./spreadsheet.ts')).exportPlanXlsx(plan);
    case 'csv':
      return entity ? Buffer.from(exportEntityCsv(plan, entity), 'utf8') : exportCsvZip(plan);
    case 'json':
      return Buffer.from(exportPlanJson(plan), 'utf8');
    case 'ics':
      return Buffer.from(exportPlanIcs(plan), 'utf8');
  }
}

/** The plan as it stood on its as-at date: no updates of periods that began later, no later KPI readings. */
function asAtCut(plan: ExportPlan & { asAt: IsoDate }): ExportPlan {
  const later = new Set((plan.reviewPeriods ?? []).filter((p) => p.from > plan.asAt).map((p) => p.id));
  return {
    ...plan,
    commitments: plan.commitments.map((c) => ({ ...c, updates: c.updates.filter((u) => u.reviewPeriodId === null || !later.has(u.reviewPeriodId)) })),
    kpiReadings: plan.kpiReadings?.filter((r) => r.date <= plan.asAt),
  };
}

/** The date an export of `plan` is as at for `req` (see domain/as-at.ts). */
export function exportAsAtOf(plan: Pick<ExportPlan, 'period' | 'reviewPeriods'>, req: Pick<ExportRequest, 'today' | 'asAt'>): AsAt {
  const signedOffEnds = (plan.reviewPeriods ?? []).filter((p) => p.signedOff).map((p) => p.to);
  return exportAsAt(req.today, plan.period, signedOffEnds, req.asAt);
}

/**
 * The file for `req` of a plan the caller has read and already cut to the updates its reader may see (the one
 * visibility rule, services/update-visibility.ts, is applied by the export service before this).
 */
export async function renderExportFile(visible: ExportPlan, req: ExportRequest): Promise<ExportedFile> {
  const { format, entity } = checkExportRequest(req);
  const asAt = exportAsAtOf(visible, req);
  const plan = asAtCut({ ...visible, asAt: asAt.date });
  let bytes: Buffer;
  try {
    bytes = await render(plan, format, req, entity);
  } catch (err) {
    if (err instanceof Error && err.name === 'UnknownPeriodError') throw new ExportError(err.message);
    throw err;
  }
  const contentType = format === 'csv' && !entity ? 'application/zip' : CONTENT_TYPES[format];
  return { fileName: exportFileName(plan, format, entity), contentType, bytes, asAt };
}
