// Audits what people see or are refused, from one place rather than in every route: a signed-in person's
// request answered 403 or 404 (the access checks refuse with these), a plan export and an evidence download.
// Recorded before the answer is sent (onSend), so the event is stored by the time the person sees the answer.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../store/database.ts';
import { recordAudit, type NewAuditEvent } from '../../store/audit-repository.ts';
import { getPlanRecord } from '../../store/plans-repository.ts';

const SKIP = /^\/(assets|public)\/|^\/health$|^\/favicon\.ico$/;

function idParam(request: FastifyRequest): number | null {
  const id = (request.params as { id?: unknown } | undefined)?.id;
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 2147483647 ? n : null;
}

async function eventFor(store: Store, request: FastifyRequest, status: number): Promise<NewAuditEvent | null> {
  const user = request.user;
  const route = request.routeOptions.url ?? '';
  const path = request.url.split('?')[0] ?? '';
  if (!user || SKIP.test(path)) return null;
  const refused = status === 403 || status === 404;
  const isExport = status === 200 && route === '/plans/:id/export/:format';
  const isDownload = status === 200 && route === '/evidence/:id/file';
  if (!refused && !isExport && !isDownload) return null;
  const id = idParam(request);
  const planId = route.startsWith('/plans/:id') ? id : null;
  const plan = planId === null ? undefined : await getPlanRecord(store.db, planId);
  const organisationId = plan?.organisationId ?? null;
  if (refused) {
    return {
      organisationId, userId: user.id, entity: 'access', entityId: null, action: `refused-${status}`,
      planId: plan ? plan.id : null, after: { method: request.method, path, status },
    };
  }
  if (isExport && plan) {
    const format = (request.params as { format?: unknown }).format;
    return { organisationId, userId: user.id, entity: 'plan', entityId: plan.id, action: 'export', after: { format, query: request.query } };
  }
  if (isDownload && id !== null) {
    const row = await store.db.selectFrom('evidence')
      .leftJoin('milestones', 'milestones.id', 'evidence.milestone_id')
      .leftJoin('monitoring_items', 'monitoring_items.id', 'evidence.monitoring_item_id')
      .leftJoin('commitments', (join) => join.on((eb) => eb.or([
        eb('commitments.id', '=', eb.ref('milestones.commitment_id')),
        eb('commitments.id', '=', eb.ref('monitoring_items.commitment_id')),
      ])))
      .leftJoin('plans', 'plans.id', 'commitments.plan_id')
      .select(['plans.id as planId', 'plans.organisation_id as organisationId', 'evidence.file_path'])
      .where('evidence.id', '=', id)
      .executeTakeFirst();
    return {
      organisationId: row?.organisationId ?? null, userId: user.id, entity: 'evidence', entityId: id, action: 'download',
      planId: row?.planId ?? null,
    };
  }
  return null;
}

export async function setUpAccessAudit(app: FastifyInstance, store: Store): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    try {
      const event = await eventFor(store, request, reply.statusCode);
      if (event) await recordAudit(store.db, event);
    } catch (err) {
      request.log.error({ err }, 'audit event not recorded');
    }
    return payload;
  });
}
