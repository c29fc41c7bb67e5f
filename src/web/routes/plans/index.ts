// A plan's pages: the overview (/plans/:id) and the timeline (/plans/:id/timeline). Only members of the plan's
// organisation may see them; anyone else gets the same 404 as for a plan that does not exist, so ids cannot be
// probed for existence (the access rule answers before the page is made).
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { type AccessRule, notFoundPage } from '../../plugins/access.ts';
import { RAG_FILTERS, parseOverviewFilters, type OverviewQuery } from '../../../services/plan-service.ts';
import { idParams } from '../../validation.ts';
import { timelineChart } from './timeline-chart.ts';

const READ_PLAN: AccessRule = { kind: 'plan', action: 'plan:read' };

/** The filter form's fields; values are checked by parseOverviewFilters, which ignores unknown ones. */
const overviewQuerySchema = {
  type: 'object',
  properties: {
    lead: { type: 'string', maxLength: 20 },
    rag: { type: 'array', items: { type: 'string', maxLength: 20 }, maxItems: 10 },
    overdue: { type: 'string', maxLength: 10 },
  },
};

export async function planRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: OverviewQuery }>(
    '/plans/:id',
    { config: { access: READ_PLAN, pageCache: true }, schema: { params: idParams, querystring: overviewQuerySchema } },
    async (request, reply) => {
      const filters = parseOverviewFilters(request.query);
      const overview = await services.plans.overview(request.user, request.params.id, filters);
      if (!overview) return notFoundPage(reply);
      return reply.view('pages/plans/show.njk', {
        pageTitle: overview.filtering ? `${overview.plan.title} (filtered)` : overview.plan.title,
        overview,
        plan: overview.plan,
        ragFilters: RAG_FILTERS,
        canEdit: services.accounts.can(request.user, 'plan:edit', overview.plan.organisationId),
        // Set by the import journey's redirect after creating the plan (pages/import/imported-banner.njk).
        justImported: (request.query as { imported?: unknown }).imported === '1',
      });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/plans/:id/timeline',
    { config: { access: READ_PLAN, pageCache: true }, schema: { params: idParams } },
    async (request, reply) => {
      const timeline = await services.plans.timeline(request.user, request.params.id);
      if (!timeline) return notFoundPage(reply);
      return reply.view('pages/plans/timeline.njk', {
        pageTitle: `Timeline - ${timeline.plan.title}`,
        timeline,
        plan: timeline.plan,
        chart: timelineChart(timeline),
      });
    },
  );
}
