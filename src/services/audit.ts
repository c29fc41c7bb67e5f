// A plan's audit trail as its owners, admins and reviewers see it: filtered by person, kind of entity and dates,
// on a page or as CSV. Members without 'audit:read' are refused (403); anyone outside the organisation gets the
// same answer as for a plan that does not exist (404).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { PlanRecord } from '../store/records.ts';
import { getPlanRecord } from '../store/plans-repository.ts';
import { auditFilterChoices, listAuditEvents, recordAudit, type AuditEvent, type AuditQuery } from '../store/audit-repository.ts';
import { can, type CurrentUser } from './accounts.ts';

export const AUDIT_PAGE_LIMIT = 500;
export const AUDIT_CSV_LIMIT = 100_000;

/** The filter form as sent (GET): all text, all optional. */
export interface AuditFilterInput {
  person?: string;
  entity?: string;
  'from-day'?: string;
  'from-month'?: string;
  'from-year'?: string;
  'to-day'?: string;
  'to-month'?: string;
  'to-year'?: string;
}

export interface AuditFilters {
  personId: number | null;
  entity: string | null;
  from: string | null;
  to: string | null;
  errors: { href: string; text: string }[];
}

function dayOf(day: string | undefined, month: string | undefined, year: string | undefined): string | null | 'invalid' {
  const parts = [day, month, year].map((p) => (p ?? '').trim());
  if (parts.every((p) => p === '')) return null;
  if (!parts.every((p) => /^\d+$/.test(p))) return 'invalid';
  const [d, m, y] = parts.map(Number) as [number, number, number];
  if (y < 1900 || y > 2200) return 'invalid';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return date.toISOString().slice(0, 10);
}

export function parseAuditFilters(input: AuditFilterInput): AuditFilters {
  const errors: AuditFilters['errors'] = [];
  const person = /^\d{1,9}$/.test(input.person ?? '') ? Number(input.person) : null;
  const entity = input.entity && /^[a-z-]{1,40}$/.test(input.entity) ? input.entity : null;
  const from = dayOf(input['from-day'], input['from-month'], input['from-year']);
  const to = dayOf(input['to-day'], input['to-month'], input['to-year']);
  if (from === 'invalid') errors.push({ href: '#from-day', text: 'The ‘from’ date must be a real date, for example 27 3 2025' });
  if (to === 'invalid') errors.push({ href: '#to-day', text: 'The ‘to’ date must be a real date, for example 27 3 2025' });
  const fromDay = from === 'invalid' ? null : from;
  const toDay = to === 'invalid' ? null : to;
  if (fromDay && toDay && fromDay > toDay) errors.push({ href: '#to-day', text: 'The ‘to’ date must be the same as or after the ‘from’ date' });
  return { personId: person, entity, from: fromDay, to: toDay, errors };
}

export type PlanAudit =
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | {
    status: 'ok';
    plan: PlanRecord;
    events: AuditEvent[];
    /** True when there were more events than shown. */
    truncated: boolean;
    people: { id: number; name: string }[];
    entities: string[];
  };

export async function planAudit(
  db: Kysely<Database>,
  user: CurrentUser | null,
  planId: number,
  filters: AuditFilters,
  limit = AUDIT_PAGE_LIMIT,
): Promise<PlanAudit> {
  const plan = await getPlanRecord(db, planId);
  if (!plan || !can(user, 'plan:read', plan.organisationId)) return { status: 'not-found' };
  if (!can(user, 'audit:read', plan.organisationId)) return { status: 'forbidden' };
  const query: AuditQuery = { planId, limit: limit + 1 };
  if (filters.errors.length === 0) {
    if (filters.personId !== null) query.userId = filters.personId;
    if (filters.entity !== null) query.entity = filters.entity;
    if (filters.from !== null) query.fromDay = filters.from;
    if (filters.to !== null) query.toDay = filters.to;
  }
  const events = await listAuditEvents(db, plan.organisationId, query);
  const choices = await auditFilterChoices(db, planId);
  return { status: 'ok', plan, events: events.slice(0, limit), truncated: events.length > limit, ...choices };
}

/** A short, human description of who did it. */
export function auditPerson(event: AuditEvent): string {
  if (event.userName && event.userEmail) return `${event.userName} (${event.userEmail})`;
  return event.userName ?? event.userEmail ?? 'Nobody signed in';
}

// ---- what people see or are refused (recorded by the web app's audit-access plugin) -------------------------

/** A signed-in person's request answered 403 or 404: recorded against the plan in the address, when there is one. */
export async function recordRefusal(
  db: Kysely<Database>,
  userId: number,
  planId: number | null,
  request: { method: string; path: string; status: number },
): Promise<void> {
  const plan = planId === null ? undefined : await getPlanRecord(db, planId);
  await recordAudit(db, {
    organisationId: plan?.organisationId ?? null, userId, entity: 'access', entityId: null, action: `refused-${request.status}`,
    planId: plan ? plan.id : null, after: request,
  });
}

/** A plan exported (a download the person was allowed). Nothing is recorded for a plan that does not exist. */
export async function recordPlanExport(db: Kysely<Database>, userId: number, planId: number, details: { format: unknown; query: unknown }): Promise<void> {
  const plan = await getPlanRecord(db, planId);
  if (!plan) return;
  await recordAudit(db, { organisationId: plan.organisationId, userId, entity: 'plan', entityId: plan.id, action: 'export', after: details });
}

/** An evidence file downloaded, recorded against the plan and organisation it belongs to. */
export async function recordEvidenceDownload(db: Kysely<Database>, userId: number, evidenceId: number): Promise<void> {
  const row = await db.selectFrom('evidence')
    .leftJoin('milestones', 'milestones.id', 'evidence.milestone_id')
    .leftJoin('monitoring_items', 'monitoring_items.id', 'evidence.monitoring_item_id')
    .leftJoin('commitments', (join) => join.on((eb) => eb.or([
      eb('commitments.id', '=', eb.ref('milestones.commitment_id')),
      eb('commitments.id', '=', eb.ref('monitoring_items.commitment_id')),
    ])))
    .leftJoin('plans', 'plans.id', 'commitments.plan_id')
    .select(['plans.id as planId', 'plans.organisation_id as organisationId'])
    .where('evidence.id', '=', evidenceId)
    .executeTakeFirst();
  await recordAudit(db, {
    organisationId: row?.organisationId ?? null, userId, entity: 'evidence', entityId: evidenceId, action: 'download',
    planId: row?.planId ?? null,
  });
}
