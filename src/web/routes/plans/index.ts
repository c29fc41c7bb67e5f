// A plan's page: title, period and its commitments. Only members of the plan's organisation may see it; anyone
// else gets the same 404 as for a plan that does not exist, so ids cannot be probed for existence.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { getPlan } from '../../../store/plans-repository.ts';
import { getOrganisation } from '../../../store/organisations-repository.ts';
import { can } from '../../../services/accounts.ts';

const paramsSchema = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
};

export async function planRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number } }>(
    '/plans/:id',
    { preHandler: app.requireUser, schema: { params: paramsSchema } },
    async (request, reply) => {
      const plan = await getPlan(store.db, request.params.id);
      if (!plan || !can(request.user, 'plan:read', plan.organisationId)) {
        return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
      }
      return reply.view('pages/plans/show.njk', {
        pageTitle: plan.title,
        plan,
        organisation: await getOrganisation(store.db, plan.organisationId),
        canEdit: can(request.user, 'plan:edit', plan.organisationId),
      });
    },
  );
}
