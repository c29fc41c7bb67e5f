// The plan owner's "Publishing" page: whether the plan is public, its public address, and a button to publish or
// unpublish it (a CSRF-protected form; the change is audited by services/publishing.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { can, type CurrentUser } from '../../../services/accounts.ts';
import { publicSlug, setPlanPublished } from '../../../services/publishing.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import type { PlanRecord } from '../../../store/records.ts';

const paramsSchema = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
};

const bodySchema = {
  type: 'object',
  properties: { _csrf: { type: 'string' }, published: { type: 'string', enum: ['true', 'false'] } },
  required: ['published'],
};

function notFound(reply: FastifyReply) {
  return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
}

function forbidden(reply: FastifyReply) {
  return reply.code(403).view('pages/errors/403.njk', {
    pageTitle: 'You cannot publish this plan',
    message: 'Only the plan owner or an admin can publish or unpublish a plan.',
  });
}

/** The plan when the user may publish it; otherwise the reply has been sent (404 for outsiders, 403 for members). */
async function publishablePlan(deps: RouteDeps, user: CurrentUser | null, planId: number, reply: FastifyReply): Promise<PlanRecord | null> {
  const plan = await getPlanRecord(deps.store.db, planId);
  if (!plan || !can(user, 'plan:read', plan.organisationId)) {
    await notFound(reply);
    return null;
  }
  if (!can(user, 'plan:publish', plan.organisationId)) {
    await forbidden(reply);
    return null;
  }
  return plan;
}

export async function publishingRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: { changed?: string } }>(
    '/plans/:id/publishing',
    { preHandler: app.requireUser, schema: { params: paramsSchema } },
    async (request, reply) => {
      const plan = await publishablePlan(deps, request.user, request.params.id, reply);
      if (!plan) return reply;
      const path = `/public/plans/${publicSlug(plan)}`;
      return reply.view('pages/public/publishing.njk', {
        pageTitle: `Publishing: ${plan.title}`,
        plan,
        publicPath: path,
        publicUrl: `${deps.config.serviceUrl}${path}`,
        changed: request.query.changed === 'published' || request.query.changed === 'unpublished' ? request.query.changed : null,
      });
    },
  );

  app.post<{ Params: { id: number }; Body: { published: 'true' | 'false' } }>(
    '/plans/:id/publishing',
    { preHandler: app.requireUser, schema: { params: paramsSchema, body: bodySchema } },
    async (request, reply) => {
      const plan = await publishablePlan(deps, request.user, request.params.id, reply);
      if (!plan || !request.user) return reply;
      const published = request.body.published === 'true';
      await setPlanPublished(deps.store.db, request.user, plan.id, published);
      return reply.redirect(`/plans/${plan.id}/publishing?changed=${published ? 'published' : 'unpublished'}`, 303);
    },
  );
}
