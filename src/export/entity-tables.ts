// The plan as flat tables, one per entity, shared by the Excel and CSV exports. Dates stay ISO strings here,
// typed 'date' so that each writer can make them real dates (Excel) or ISO text (CSV).
import { RAGS } from '../domain/types.ts';
import { ragLabel } from '../domain/rag.ts';
import type { CommitmentDetail } from '../domain/records.ts';
import { currentRating, ratingText } from './area-lead-updates.ts';
import type { ExportPlan } from './export-plan.ts';
import { statusWords } from './milestone-notes.ts';

export const ENTITIES = ['commitments', 'milestones', 'kpis', 'kpi-readings', 'monitoring', 'updates'] as const;
export type Entity = (typeof ENTITIES)[number];

export type CellType = 'text' | 'number' | 'date';
export type CellValue = string | number | null;

export interface EntityColumn {
  header: string;
  type: CellType;
}

export interface EntityTable {
  entity: Entity;
  /** "KPI readings" */
  title: string;
  columns: EntityColumn[];
  rows: CellValue[][];
}

export function isEntity(name: string): name is Entity {
  return (ENTITIES as readonly string[]).includes(name);
}

const text = (header: string): EntityColumn => ({ header, type: 'text' });
const number = (header: string): EntityColumn => ({ header, type: 'number' });
const date = (header: string): EntityColumn => ({ header, type: 'date' });

function rows<T>(plan: ExportPlan, items: (c: CommitmentDetail) => readonly T[], row: (c: CommitmentDetail, item: T) => CellValue[]): CellValue[][] {
  return plan.commitments.flatMap((c) => items(c).map((item) => row(c, item)));
}

export function entityTables(plan: ExportPlan): EntityTable[] {
  const periodLabel = new Map((plan.reviewPeriods ?? []).map((p) => [p.id, p.label]));
  const kpiById = new Map(plan.commitments.flatMap((c) => c.kpis.map((k) => [k.id, { c, k }] as const)));
  const evidence = plan.evidence ?? [];
  const rag = (r: (typeof RAGS)[number] | null): string | null => (r ? ragLabel(r) : null);
  return [
    {
      entity: 'commitments',
      title: 'Commitments',
      columns: [number('Commitment'), text('Title'), text('Summary'), text('Current RAG'), number('Milestones'), number('KPIs')],
      rows: plan.commitments.map((c) => [c.number, c.title, c.summary, ratingText(currentRating(plan, c)), c.milestones.length, c.kpis.length]),
    },
    {
      entity: 'milestones',
      title: 'Milestones',
      columns: [number('Commitment'), number('Milestone id'), text('Milestone'), date('Due from'), date('Due by'), date('First agreed from'), date('First agreed by'), text('Recurrence'), text('Status'), date('Done on')],
      rows: rows(plan, (c) => c.milestones, (c, m) => [c.number, m.id, m.text, m.due?.from ?? null, m.due?.to ?? null, m.baseline?.from ?? null, m.baseline?.to ?? null, m.recurrence, statusWords(m.status), m.doneOn]),
    },
    {
      entity: 'kpis',
      title: 'KPIs',
      columns: [number('Commitment'), number('KPI id'), text('KPI'), text('Unit'), number('Baseline'), number('Target'), date('Target date'), text('Better when')],
      rows: rows(plan, (c) => c.kpis, (c, k) => [c.number, k.id, k.text, k.unit, k.baseline, k.target, k.targetDate, k.direction]),
    },
    {
      entity: 'kpi-readings',
      title: 'KPI readings',
      columns: [number('Commitment'), number('KPI id'), text('KPI'), date('Date'), number('Value'), text('Note'), text('Source')],
      rows: [...(plan.kpiReadings ?? [])]
        .sort((a, b) => a.kpiId - b.kpiId || a.date.localeCompare(b.date) || a.id - b.id)
        .flatMap((r) => {
          const owner = kpiById.get(r.kpiId);
          return owner ? [[owner.c.number, r.kpiId, owner.k.text, r.date, r.value, r.note, r.source]] : [];
        }),
    },
    {
      entity: 'monitoring',
      title: 'Monitoring',
      columns: [number('Commitment'), number('Item id'), text('Monitoring item'), number('Evidence entries'), date('Latest evidence')],
      rows: rows(plan, (c) => c.monitoring, (c, m) => {
        const own = evidence.filter((e) => e.monitoringItemId === m.id).map((e) => e.date).sort();
        return [c.number, m.id, m.text, own.length, own.at(-1) ?? null];
      }),
    },
    {
      entity: 'updates',
      title: 'Updates',
      columns: [number('Commitment'), text('Review period'), number('Version'), text('State'), text('RAG'), text('Update'), text('Organisation response'), date('Last changed')],
      rows: rows(plan, (c) => c.updates, (c, u) => [
        c.number,
        u.reviewPeriodId === null ? null : (periodLabel.get(u.reviewPeriodId) ?? null),
        u.version,
        u.state,
        rag(u.rag),
        u.narrative,
        u.response,
        u.updatedAt.slice(0, 10),
      ]),
    },
  ];
}
