// The commitment page: summary, lead, KPIs (status, chart and table), milestones, monitoring evidence and the
// progress-update history. Members of the plan's organisation may see it; editors also get the change links.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { idParams } from '../../validation.ts';
import { commitmentPageView } from './commitment-page.ts';

const NOTICES: Record<string, string> = {
  'milestone-updated': 'Milestone updated',
  'milestone-redated': 'Milestone re-dated. The baseline date has been kept.',
  'milestone-done': 'Milestone marked as done',
  'kpi-added': 'KPI added',
  'kpi-updated': 'KPI updated',
  'reading-recorded': 'KPI reading recorded',
  'evidence-added': 'Evidence added',
};

const noticeQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) });

export async function commitmentRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: { notice?: string } }>(
    '/commitments/:id',
    { config: { access: { kind: 'commitment', action: 'plan:read' }, pageCache: true }, schema: { params: idParams, querystring: noticeQuery } },
    async (request, reply) => {
      const page = await services.tracking.commitmentPage(request.user, request.params.id);
      if (!page) return reply.callNotFound();
      return reply.view('pages/commitments/show.njk', {
        pageTitle: `Commitment ${page.commitment.number}: ${page.commitment.title}`,
        ...(await commitmentPageView(page)),
        notice: NOTICES[request.query.notice ?? ''] ?? null,
      });
    },
  );
}
