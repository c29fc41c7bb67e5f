// The commitment page: summary, lead, KPIs (status, chart and table), milestones, monitoring evidence and the
// progress-update history. Members of the plan's organisation may see it; editors also get the change links.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { commitmentAccess, idParams, notFound } from './access.ts';
import { commitmentPage } from './commitment-page.ts';
import { today } from '../../today.ts';
import { userViewer } from '../../../services/update-visibility.ts';

const NOTICES: Record<string, string> = {
  'milestone-updated': 'Milestone updated',
  'milestone-redated': 'Milestone re-dated. The baseline date has been kept.',
  'milestone-done': 'Milestone marked as done',
  'kpi-added': 'KPI added',
  'kpi-updated': 'KPI updated',
  'reading-recorded': 'KPI reading recorded',
  'evidence-added': 'Evidence added',
};

export async function commitmentRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: { notice?: string } }>(
    '/commitments/:id',
    {
      preHandler: app.requireUser,
      schema: { params: idParams, querystring: { type: 'object', properties: { notice: { type: 'string', maxLength: 40 } } } },
    },
    async (request, reply) => {
      const access = await commitmentAccess(store.db, request.user, request.params.id);
      if (!access) return notFound(reply);
      const view = await commitmentPage(store.db, access, today(), userViewer(request.user));
      return reply.view('pages/commitments/show.njk', {
        pageTitle: `Commitment ${access.commitment.number}: ${access.commitment.title}`,
        ...view,
        notice: NOTICES[request.query.notice ?? ''] ?? null,
      });
    },
  );
}
