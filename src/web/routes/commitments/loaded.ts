// What a route's access rule loaded (request.resource), for the pages of a commitment's milestones, KPIs and
// evidence. The rule has already answered 404 or 403, so a missing piece here is a route stating the wrong rule.
import type { FastifyRequest } from 'fastify';
import type { CommitmentRecord, KpiRecord, MilestoneRecord, MonitoringItemRecord, PlanRecord } from '../../../domain/records.ts';

export interface LoadedCommitment {
  commitment: CommitmentRecord;
  plan: PlanRecord;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The route's access rule did not load the ${what}`);
  return value;
}

export function loadedCommitment(request: FastifyRequest): LoadedCommitment {
  return { commitment: required(request.resource?.commitment, 'commitment'), plan: required(request.resource?.plan, 'plan') };
}

export function loadedMilestone(request: FastifyRequest): LoadedCommitment & { milestone: MilestoneRecord } {
  return { ...loadedCommitment(request), milestone: required(request.resource?.milestone, 'milestone') };
}

export function loadedKpi(request: FastifyRequest): LoadedCommitment & { kpi: KpiRecord } {
  return { ...loadedCommitment(request), kpi: required(request.resource?.kpi, 'KPI') };
}

export function loadedItem(request: FastifyRequest): LoadedCommitment & { item: MonitoringItemRecord } {
  return { ...loadedCommitment(request), item: required(request.resource?.item, 'monitoring item') };
}
