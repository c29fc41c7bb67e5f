// A plan's audit trail: /plans/:id/audit (a GET filter form, works without JavaScript) and the same events as CSV
// (/plans/:id/audit.csv with the same query). For the organisation's plan owners, admins and reviewers.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { RouteDeps } from '../../route-deps.ts';
import { type AccessRule, notFoundPage, forbiddenPage } from '../../plugins/access.ts';
import { idParams } from '../../validation.ts';
import { AUDIT_CSV_LIMIT, auditPerson, parseAuditFilters, type AuditFilterInput } from '../../../services/plan-service.ts';
import { safeCsvCell } from '../../../export/csv-cell.ts';

const REFUSAL = 'Only the plan’s owners, admins and reviewers can see its audit trail.';
const READ_AUDIT: AccessRule = { kind: 'plan', action: 'audit:read', refusal: REFUSAL };

const FIELDS = ['person', 'entity', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'] as const;
const querySchema = {
  type: 'object',
  properties: Object.fromEntries(FIELDS.map((f) => [f, { type: 'string', maxLength: 40 }])),
};

/** The access rule has let the person in; the plan can still have gone since (404). */
function refused(reply: FastifyReply, status: 'not-found' | 'forbidden') {
  return status === 'not-found' ? notFoundPage(reply) : forbiddenPage(reply, REFUSAL);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

export async function auditRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: AuditFilterInput }>(
    '/plans/:id/audit',
    { config: { access: READ_AUDIT }, schema: { params: idParams, querystring: querySchema } },
    async (request, reply) => {
      const filters = parseAuditFilters(request.query);
      const audit = await services.plans.audit(request.user, request.params.id, filters);
      if (audit.status !== 'ok') return refused(reply, audit.status);
      const query = new URLSearchParams(Object.entries(request.query).filter(([, v]) => typeof v === 'string' && v !== '') as [string, string][]);
      return reply.code(filters.errors.length ? 400 : 200).view('pages/audit/plan.njk', {
        pageTitle: `Audit trail - ${audit.plan.title}`,
        plan: audit.plan,
        events: audit.events.map((e) => ({ ...e, person: auditPerson(e), beforeText: describe(e.before), afterText: describe(e.after) })),
        truncated: audit.truncated,
        people: audit.people,
        entities: audit.entities,
        values: request.query,
        filters,
        errors: filters.errors,
        csvUrl: `/plans/${audit.plan.id}/audit.csv${query.size ? `?${query}` : ''}`,
      });
    },
  );

  app.get<{ Params: { id: number }; Querystring: AuditFilterInput }>(
    '/plans/:id/audit.csv',
    { config: { access: READ_AUDIT }, schema: { params: idParams, querystring: querySchema } },
    async (request, reply) => {
      const filters = parseAuditFilters(request.query);
      const audit = await services.plans.audit(request.user, request.params.id, filters, AUDIT_CSV_LIMIT);
      if (audit.status !== 'ok') return refused(reply, audit.status);
      const rows = audit.events.map((e) => [
        e.seq, e.at, auditPerson(e), e.organisationName ?? '', e.entity, e.entityId ?? '', e.action, describe(e.before), describe(e.after), e.hash,
      ].map(safeCsvCell));
      const csv = stringify(rows, {
        header: true,
        columns: ['Sequence', 'When (UTC)', 'Who', 'Organisation', 'Entity', 'Entity id', 'Action', 'Before', 'After', 'Hash'],
        bom: true,
        record_delimiter: 'windows',
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="plan-${audit.plan.id}-audit.csv"`)
        .send(csv);
    },
  );
}
