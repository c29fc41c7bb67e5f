// Audits what people see or are refused, from one place rather than in every route: a signed-in person's
// request answered 403 or 404 (the access checks refuse with these), a plan export and an evidence download.
// Recorded before the answer is sent (onSend), so the event is stored by the time the person sees the answer.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.ts';

const SKIP = /^\/(assets|public)\/|^\/health$|^\/favicon\.ico$/;

function idParam(request: FastifyRequest): number | null {
  const id = (request.params as { id?: unknown } | undefined)?.id;
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 2147483647 ? n : null;
}

async function record(services: Services, request: FastifyRequest, status: number): Promise<void> {
  const user = request.user;
  const route = request.routeOptions.url ?? '';
  const path = request.url.split('?')[0] ?? '';
  if (!user || SKIP.test(path)) return;
  const id = idParam(request);
  const planId = route.startsWith('/plans/:id') ? id : null;
  if (status === 403 || status === 404) {
    await services.plans.recordRefusal(user.id, planId, { method: request.method, path, status });
  } else if (status === 200 && route === '/plans/:id/export/:format' && planId !== null) {
    const format = (request.params as { format?: unknown }).format;
    await services.plans.recordPlanExport(user.id, planId, { format, query: request.query });
  } else if (status === 200 && route === '/evidence/:id/file' && id !== null) {
    await services.plans.recordEvidenceDownload(user.id, id);
  }
}

export async function setUpAccessAudit(app: FastifyInstance, services: Services): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    try {
      await record(services, request, reply.statusCode);
    } catch (err) {
      request.log.error({ err }, 'audit event not recorded');
    }
    return payload;
  });
}
