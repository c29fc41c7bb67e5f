// What the export page offers and how a download's query is checked: the review period for the Word export's
// Area Lead column and the entity for the CSV export. The messages are the GOV.UK error summary's.
import { ENTITIES, isEntity, type Entity } from '../../../export/entity-tables.ts';
import type { FieldError } from '../../form-errors.ts';

export const ALL = 'all';

export const ENTITY_NAMES: Record<Entity, string> = {
  commitments: 'Commitments',
  milestones: 'Milestones',
  kpis: 'KPIs',
  'kpi-readings': 'KPI readings',
  monitoring: 'Monitoring items',
  updates: 'Progress updates',
};

export const ENTITY_OPTIONS = ENTITIES.map((value) => ({ value, text: ENTITY_NAMES[value] }));

export interface DownloadQuery {
  period?: string;
  entity?: string;
  /** The date the file is as at, YYYY-MM-DD (default: see domain/as-at.ts). */
  asAt?: string;
}

export type DownloadChoice = { ok: true; period?: string; entity?: Entity } | { ok: false; errors: FieldError[] };

/**
 * The period and entity to export, from the query of a download link or form. Each is read for its own format
 * only (docx: period, csv: entity); missing or "all" means every period / every file.
 */
export function checkDownload(format: string, query: DownloadQuery, periodLabels: readonly string[]): DownloadChoice {
  const period = query.period?.trim();
  const entity = query.entity?.trim();
  if (format === 'docx' && period && period !== ALL) {
    const label = periodLabels.find((l) => l.toLowerCase() === period.toLowerCase());
    if (!label) return { ok: false, errors: [{ field: 'period', message: 'Select a review period from the list' }] };
    return { ok: true, period: label };
  }
  if (format === 'csv' && entity && entity !== ALL) {
    if (!isEntity(entity)) return { ok: false, errors: [{ field: 'entity', message: 'Select which data to download from the list' }] };
    return { ok: true, entity };
  }
  return { ok: true };
}
