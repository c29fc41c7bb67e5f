// Converts between column values and domain values: enumerations checked on the way out, due windows split
// into two date columns, JSON text parsed.
import type {
  DueWindow,
  KpiDirection,
  MilestoneStatus,
  PlanStatus,
  Rag,
  Recurrence,
  ReviewCadence,
  UpdateState,
} from '../domain/types.ts';
import { RAGS } from '../domain/types.ts';

export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'active', 'closed'];
export const REVIEW_CADENCES: readonly ReviewCadence[] = ['monthly', 'quarterly', 'six-monthly'];
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];
export const RECURRENCES: readonly Recurrence[] = ['monthly', 'quarterly', 'six-monthly', 'annually'];
export const UPDATE_STATES: readonly UpdateState[] = ['draft', 'submitted', 'signed-off'];
export const KPI_DIRECTIONS: readonly KpiDirection[] = ['higher', 'lower'];

/** The value as one of `allowed`; a stored value outside them is a corrupted row and throws, naming the column. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`Unexpected value "${value}" in ${column}`);
  return found;
}

export function optionalOneOf<T extends string>(allowed: readonly T[], value: string | null, column: string): T | null {
  return value === null ? null : oneOf(allowed, value, column);
}

export const asRag = (value: string | null): Rag | null => optionalOneOf(RAGS, value, 'progress_updates.rag');

/** A window from its two columns: null unless both are set. */
export function windowOf(from: string | null, to: string | null): DueWindow | null {
  return from !== null && to !== null ? { from, to } : null;
}

export function windowColumns(window: DueWindow | null): { from: string | null; to: string | null } {
  return window ? { from: window.from, to: window.to } : { from: null, to: null };
}

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export function now(): string {
  return new Date().toISOString();
}

/** Counts come back as strings from PostgreSQL (bigint) and as numbers from SQLite. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
