// Home: the signed-in user's organisations, each with its plans.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { listPlans } from '../../../store/plans-repository.ts';
import { can } from '../../../services/accounts.ts';

export async function homeRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get('/', { preHandler: app.requireUser }, async (request, reply) => {
    const user = request.user!;
    const seen = new Map<number, { id: number; name: string; roles: string[] }>();
    for (const m of user.memberships) {
      const org = seen.get(m.organisationId) ?? { id: m.organisationId, name: m.organisationName, roles: [] };
      org.roles.push(m.role);
      seen.set(m.organisationId, org);
    }
    const organisations = await Promise.all(
      [...seen.values()]
        .filter((org) => can(user, 'plan:read', org.id))
        .map(async (org) => ({ ...org, canImport: can(user, 'plan:import', org.id), canCreate: can(user, 'plan:edit', org.id), plans: await listPlans(store.db, org.id) })),
    );
    return reply.view('pages/home/index.njk', { pageTitle: 'Your improvement plans', organisations });
  });
}
