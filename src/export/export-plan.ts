// What the exports take: a stored plan with everything in it, plus the records a plan read does not carry
// (review periods, KPI readings, re-dates, evidence). The extras are optional: an export without them leaves
// out what they would add (period labels fall back to "Imported update", no charts, no re-date reasons).
import type { IsoDate } from '../domain/types.ts';
import type {
  CommitmentDetail,
  EvidenceRecord,
  KpiReadingRecord,
  MilestoneRedateRecord,
  PlanDetail,
} from '../domain/records.ts';

export interface ReviewPeriodRef {
  id: number;
  /** "2019/20 Q1" */
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** Whether the reviewer has signed the period off (unknown: not signed off). */
  signedOff?: boolean;
}

export interface ExportPlan extends PlanDetail {
  reviewPeriods?: ReviewPeriodRef[];
  kpiReadings?: KpiReadingRecord[];
  redates?: MilestoneRedateRecord[];
  evidence?: EvidenceRecord[];
  /** The name of the plan's organisation (the PDF board report's heading); unset: left out. */
  organisationName?: string;
  /** The date the export is as at (stated in every format); unset: not stated. */
  asAt?: IsoDate;
}

/** Where a commitment sits among the plan's: "1. We will provide strong, stable and diverse leadership". */
export function numberedTitle(c: Pick<CommitmentDetail, 'number' | 'title'>): string {
  return `${c.number}. ${c.title}`;
}

/** A file name from the plan title: "Lancashire LEP plan 2019/20" → "lancashire-lep-plan-2019-20". */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'plan' : stem.slice(0, 80).replace(/-+$/, '');
}

/** Items grouped by a key, in their order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
