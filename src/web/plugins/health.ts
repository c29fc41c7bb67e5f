// GET /health: 200 {status: "UP", database: "UP"} when a database query works, 503 otherwise. First, so it
// answers even when later plugins (sessions, views) have trouble.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Store } from '../../store/database.ts';

const healthSchema = {
  response: {
    200: { $ref: 'health#' },
    503: { $ref: 'health#' },
  },
};

export async function setUpHealth(app: FastifyInstance, store: Store): Promise<void> {
  app.addSchema({
    $id: 'health',
    type: 'object',
    properties: { status: { type: 'string' }, database: { type: 'string' } },
    required: ['status', 'database'],
  });
  app.get('/health', { schema: healthSchema }, async (request, reply) => {
    try {
      await sql`select 1`.execute(store.db);
      return { status: 'UP', database: 'UP' };
    } catch (err) {
      request.log.error({ err }, 'health check: database query failed');
      return reply.code(503).send({ status: 'DOWN', database: 'DOWN' });
    }
  });
}
