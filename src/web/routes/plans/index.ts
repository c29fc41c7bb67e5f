// A plan's pages: the overview (/plans/:id) and the timeline (/plans/:id/timeline). Only members of the plan's
// organisation may see them; anyone else gets the same 404 as for a plan that does not exist, so ids cannot be
// probed for existence.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { can } from '../../../services/accounts.ts';
import { RAG_FILTERS, parseOverviewFilters, planOverview, type OverviewQuery } from '../../../services/plan-overview.ts';
import { planTimeline } from '../../../services/timeline.ts';
import { today } from '../../today.ts';
import { timelineChart } from './timeline-chart.ts';

const paramsSchema = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
};

/** The filter form's fields; values are checked by parseOverviewFilters, which ignores unknown ones. */
const overviewQuerySchema = {
  type: 'object',
  properties: {
    lead: { type: 'string', maxLength: 20 },
    rag: { type: 'array', items: { type: 'string', maxLength: 20 }, maxItems: 10 },
    overdue: { type: 'string', maxLength: 10 },
  },
};

function notFound(reply: FastifyReply) {
  return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
}

export async function planRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: OverviewQuery }>(
    '/plans/:id',
    { preHandler: app.requireUser, schema: { params: paramsSchema, querystring: overviewQuerySchema } },
    async (request, reply) => {
      const filters = parseOverviewFilters(request.query);
      const overview = await planOverview(store.db, request.user, request.params.id, { today: today(), filters });
      if (!overview) return notFound(reply);
      return reply.view('pages/plans/show.njk', {
        pageTitle: overview.filtering ? `${overview.plan.title} (filtered)` : overview.plan.title,
        overview,
        plan: overview.plan,
        ragFilters: RAG_FILTERS,
        canEdit: can(request.user, 'plan:edit', overview.plan.organisationId),
        // Set by the import journey's redirect after creating the plan (pages/import/imported-banner.njk).
        justImported: (request.query as { imported?: unknown }).imported === '1',
      });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/plans/:id/timeline',
    { preHandler: app.requireUser, schema: { params: paramsSchema } },
    async (request, reply) => {
      const timeline = await planTimeline(store.db, request.user, request.params.id, today());
      if (!timeline) return notFound(reply);
      return reply.view('pages/plans/timeline.njk', {
        pageTitle: `Timeline - ${timeline.plan.title}`,
        timeline,
        plan: timeline.plan,
        chart: timelineChart(timeline),
      });
    },
  );
}
