// GET /health: 200 {status: "UP", database: "UP"} when a database query works, 503 otherwise. First, so it
// answers even when later plugins (sessions, views) have trouble.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.ts';

const healthSchema = {
  response: {
    200: { $ref: 'health#' },
    503: { $ref: 'health#' },
  },
};

export async function setUpHealth(app: FastifyInstance, services: Services): Promise<void> {
  app.addSchema({
    $id: 'health',
    type: 'object',
    properties: { status: { type: 'string' }, database: { type: 'string' } },
    required: ['status', 'database'],
  });
  app.get('/health', { schema: healthSchema, config: { access: { public: 'load balancers and monitoring' } } }, async (request, reply) => {
    if (await services.databaseAnswers()) return { status: 'UP', database: 'UP' };
    request.log.error('health check: database query failed');
    return reply.code(503).send({ status: 'DOWN', database: 'DOWN' });
  });
}
