// The public page of a published plan and its CSV download, for anyone, without signing in. An unknown or
// unpublished plan is a 404. What the page may show is decided in services/publishing.ts (an allow-list).
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { planIdFromSlug, publicPlanCsv, publicSlug } from '../../../services/plan-service.ts';
import { MILESTONE_STATUS_TAGS, RAG_TAGS } from '../commitments/tags.ts';
import { publishingRoutes } from './publishing.ts';

const paramsSchema = {
  type: 'object',
  properties: { slugOrId: { type: 'string', maxLength: 100 } },
  required: ['slugOrId'],
};

/** "12", "12-title" → the page; "12.csv", "12-title.csv" → the CSV. */
function parseAddress(slugOrId: string): { id: number; csv: boolean } | null {
  const csv = slugOrId.endsWith('.csv');
  const id = planIdFromSlug(csv ? slugOrId.slice(0, -4) : slugOrId);
  return id === null ? null : { id, csv };
}

export async function publicRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { services } = deps;

  const access = { public: 'a published plan is for everyone; an unpublished one is not found' };
  app.get<{ Params: { slugOrId: string } }>('/public/plans/:slugOrId', { config: { access }, schema: { params: paramsSchema } }, async (request, reply) => {
    const address = parseAddress(request.params.slugOrId);
    const plan = address && (await services.plans.publicPlan(address.id));
    // Published pages change when the plan does, and vanish when it is unpublished: never cached for long.
    reply.header('cache-control', 'no-cache');
    if (!address || !plan) {
      return reply.code(404).view('pages/public/not-found.njk', { pageTitle: 'Page not found' });
    }
    if (address.csv) {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${publicSlug(plan)}.csv"`)
        .send(publicPlanCsv(plan));
    }
    return reply.view('pages/public/plan.njk', {
      pageTitle: plan.title,
      plan,
      csvUrl: `/public/plans/${plan.slug}.csv`,
      statusTags: MILESTONE_STATUS_TAGS,
      ragTags: RAG_TAGS,
    });
  });

  await app.register(publishingRoutes, deps);
}
