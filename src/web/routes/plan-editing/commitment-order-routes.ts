// Putting a plan's commitments in order without JavaScript: each "Move up"/"Move down" button posts one move.
// Numbers stay as they are: only the order in which the commitments are listed changes.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { choiceField, formSchema, idParams } from '../../validation.ts';
import { EDIT_PLAN } from './rules.ts';
import { text, type Form } from './form-input.ts';

type Direction = 'up' | 'down';

const ORDER_QUERY = {
  type: 'object',
  properties: {
    moved: { type: 'integer', minimum: 1, maximum: 2147483647 },
    direction: { type: 'string', enum: ['up', 'down'] },
  },
} as const;

const MOVE_FORM = formSchema({ commitmentId: choiceField('Commitment', 20), direction: choiceField('Direction', 10) });

/** The ids in their new order after moving `id` one place `direction`; unchanged at either end. */
export function moved(ids: number[], id: number, direction: Direction): number[] {
  const from = ids.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  const order = [...ids];
  [order[from], order[to]] = [ids[to]!, ids[from]!];
  return order;
}

export async function commitmentOrderRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: { moved?: number; direction?: Direction } }>(
    '/plans/:id/commitments/order',
    { config: { access: EDIT_PLAN }, schema: { params: idParams, querystring: ORDER_QUERY } },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const commitments = await services.plans.commitments(plan.id);
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
    { config: { access: EDIT_PLAN }, schema: { params: idParams, body: MOVE_FORM } },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const ids = (await services.plans.commitments(plan.id)).map((c) => c.id);
      const id = Number(text(request.body, 'commitmentId'));
      const direction = text(request.body, 'direction');
      // A commitment deleted since the page was shown, or a made-up form: show the list as it is now.
      if (!ids.includes(id) || (direction !== 'up' && direction !== 'down')) {
        return reply.redirect(`/plans/${plan.id}/commitments/order`, 303);
      }
      const order = moved(ids, id, direction);
      if (order !== ids) await services.plans.reorderCommitments(plan.id, order, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}/commitments/order?moved=${id}&direction=${direction}#commitment-${id}`, 303);
    },
  );
}
