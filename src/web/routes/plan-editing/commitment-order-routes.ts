// Putting a plan's commitments in order without JavaScript: each "Move up"/"Move down" button posts one move.
// Numbers stay as they are: only the order in which the commitments are listed changes.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { reorderCommitments } from '../../../services/plans.ts';
import { listCommitments } from '../../../store/commitments-repository.ts';
import { isRefusal, planFor, refuse } from './access.ts';
import { ID_PARAMS, formBody, text, type Form } from './form-input.ts';

type Direction = 'up' | 'down';

const ORDER_QUERY = {
  type: 'object',
  properties: {
    moved: { type: 'integer', minimum: 1, maximum: 2147483647 },
    direction: { type: 'string', enum: ['up', 'down'] },
  },
} as const;

/** The ids in their new order after moving `id` one place `direction`; unchanged at either end. */
export function moved(ids: number[], id: number, direction: Direction): number[] {
  const from = ids.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  const order = [...ids];
  [order[from], order[to]] = [ids[to]!, ids[from]!];
  return order;
}

export async function commitmentOrderRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;

  app.get<{ Params: { id: number }; Querystring: { moved?: number; direction?: Direction } }>(
    '/plans/:id/commitments/order',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, querystring: ORDER_QUERY } },
    async (request, reply) => {
      const plan = await planFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(plan)) return refuse(reply, plan);
      const commitments = await listCommitments(db, plan.id);
      const { moved: movedId, direction } = request.query;
      const movedCommitment = commitments.find((c) => c.id === movedId);
      return reply.view('pages/plan-editing/commitment-order.njk', {
        pageTitle: 'Change the order of commitments',
        plan,
        commitments,
        banner: movedCommitment && direction ? { number: movedCommitment.number, direction } : null,
      });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/plans/:id/commitments/order',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody(['commitmentId', 'direction']) } },
    async (request, reply) => {
      const plan = await planFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(plan)) return refuse(reply, plan);
      const ids = (await listCommitments(db, plan.id)).map((c) => c.id);
      const id = Number(text(request.body, 'commitmentId'));
      const direction = text(request.body, 'direction');
      // A commitment deleted since the page was shown, or a made-up form: show the list as it is now.
      if (!ids.includes(id) || (direction !== 'up' && direction !== 'down')) {
        return reply.redirect(`/plans/${plan.id}/commitments/order`, 303);
      }
      const order = moved(ids, id, direction);
      if (order !== ids) await reorderCommitments(db, plan.id, order, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}/commitments/order?moved=${id}&direction=${direction}#commitment-${id}`, 303);
    },
  );
}
