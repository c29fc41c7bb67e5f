// What the repositories return: camelCase, domain-typed records of stored rows (ids included).
import type {
  DueWindow,
  IsoDate,
  KpiDirection,
  MilestoneStatus,
  PlanStatus,
  Rag,
  RagDefinition,
  Recurrence,
  ReviewCadence,
  UpdateState,
} from './types.ts';

export interface OrganisationRecord {
  id: number;
  name: string;
  createdAt: string;
}

export interface PlanRecord {
  id: number;
  organisationId: number;
  title: string;
  period: DueWindow | null;
  status: PlanStatus;
  reviewCadence: ReviewCadence;
  /** 1 = January … 12 = December; 4 (April) by default. */
  fyStartMonth: number;
  ragScheme: RagDefinition[];
  sourceName: string | null;
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CommitmentRecord {
  id: number;
  planId: number;
  number: number;
  position: number;
  title: string;
  summary: string;
  leadUserId: number | null;
}

export interface KpiRecord {
  id: number;
  commitmentId: number;
  position: number;
  text: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  targetDate: IsoDate | null;
  direction: KpiDirection;
}

export interface KpiReadingRecord {
  id: number;
  kpiId: number;
  date: IsoDate;
  value: number;
  note: string | null;
  source: string | null;
}

export interface MilestoneRecord {
  id: number;
  commitmentId: number;
  position: number;
  text: string;
  /** The current due window. */
  due: DueWindow | null;
  /** The due window as first agreed; re-dating never changes it. */
  baseline: DueWindow | null;
  recurrence: Recurrence | null;
  status: MilestoneStatus;
  doneOn: IsoDate | null;
}

export interface MilestoneRedateRecord {
  id: number;
  milestoneId: number;
  oldDue: DueWindow | null;
  newDue: DueWindow | null;
  reason: string;
  changedBy: number | null;
  changedAt: string;
}

export interface MonitoringItemRecord {
  id: number;
  commitmentId: number;
  position: number;
  text: string;
}

export interface EvidenceRecord {
  id: number;
  monitoringItemId: number | null;
  milestoneId: number | null;
  date: IsoDate;
  note: string | null;
  link: string | null;
  filePath: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface ProgressUpdateRecord {
  id: number;
  commitmentId: number;
  /** null for an update imported with the plan, outside any review period. */
  reviewPeriodId: number | null;
  version: number;
  rag: Rag | null;
  narrative: string;
  /** Ids of the KPIs the update refers to. */
  kpiRefs: number[];
  response: string | null;
  state: UpdateState;
  correctionReason: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEventRecord {
  id: number;
  organisationId: number | null;
  userId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  /** The parsed JSON stored for the entity before and after the change (null when there is none). */
  before: unknown;
  after: unknown;
  at: string;
}

export interface CommitmentDetail extends CommitmentRecord {
  kpis: KpiRecord[];
  milestones: MilestoneRecord[];
  monitoring: MonitoringItemRecord[];
  updates: ProgressUpdateRecord[];
}

/** A plan with everything in it, commitments in their order. */
export interface PlanDetail extends PlanRecord {
  commitments: CommitmentDetail[];
}
