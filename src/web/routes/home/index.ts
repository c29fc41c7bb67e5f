// Home: the signed-in user's organisations, each with its plans.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';

export async function homeRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get('/', { config: { access: { signedIn: true } } }, async (request, reply) => {
    const organisations = await services.plans.home(request.user!);
    return reply.view('pages/home/index.njk', { pageTitle: 'Your improvement plans', organisations });
  });
}
