// Core domain types of an improvement plan. Pure data: no I/O here.

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** A due window; `to` is the deadline. A point in time has from === to. */
export interface DueWindow {
  from: IsoDate;
  to: IsoDate;
}

export type Recurrence = 'monthly' | 'quarterly' | 'six-monthly' | 'annually';

export type PlanStatus = 'draft' | 'active' | 'closed';
export type ReviewCadence = 'monthly' | 'quarterly' | 'six-monthly';
export type MilestoneStatus = 'not-started' | 'in-progress' | 'done' | 'dropped';
export type Rag = 'red' | 'amber' | 'green' | 'blue';
export type UpdateState = 'draft' | 'submitted' | 'signed-off';
export type KpiDirection = 'higher' | 'lower';
export type Role = 'admin' | 'plan-owner' | 'commitment-lead' | 'reviewer' | 'viewer';

export const ROLES: readonly Role[] = ['admin', 'plan-owner', 'commitment-lead', 'reviewer', 'viewer'];
export const RAGS: readonly Rag[] = ['red', 'amber', 'green', 'blue'];

export interface RagDefinition {
  rag: Rag;
  label: string;
  meaning: string;
}

/** A warning raised while reading a plan: names the commitment and the text it is about. */
export interface ImportWarning {
  commitment: number | null;
  text: string;
  message: string;
}

/** A plan as read from a document, before it is stored. */
export interface PlanDraft {
  title: string | null;
  period: DueWindow | null;
  commitments: CommitmentDraft[];
  warnings: ImportWarning[];
}

export interface CommitmentDraft {
  number: number;
  title: string;
  summary: string;
  kpis: { text: string }[];
  milestones: MilestoneDraft[];
  monitoring: { text: string }[];
  updates: { text: string }[];
}

export interface MilestoneDraft {
  text: string;
  due: DueWindow | null;
  recurrence: Recurrence | null;
  /** True when a date in the text has no year written ("Wednesday 15th May") and the plan period gave it one. */
  yearAssumed?: boolean;
  /** The window first agreed, when the document says the milestone was re-dated (default: the due window). */
  baseline?: DueWindow | null;
}
