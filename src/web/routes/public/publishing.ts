// The plan owner's "Publishing" page: whether the plan is public, its public address, and a button to publish or
// unpublish it (a CSRF-protected form; the change is audited by services/publishing.ts). Only the plan owner or an
// admin may publish: the access rule refuses other members (403) and anyone outside the organisation (404).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import type { AccessRule } from '../../plugins/access.ts';
import { publicSlug } from '../../../services/plan-service.ts';
import { idParams } from '../../validation.ts';

const bodySchema = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  published: Type.Union([Type.Literal('true'), Type.Literal('false')]),
});

const PUBLISH: AccessRule = {
  kind: 'plan',
  action: 'plan:publish',
  refusal: 'Only the plan owner or an admin can publish or unpublish a plan.',
};

export async function publishingRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: { changed?: string } }>(
    '/plans/:id/publishing',
    { config: { access: PUBLISH }, schema: { params: idParams } },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const path = `/public/plans/${publicSlug(plan)}`;
      return reply.view('pages/public/publishing.njk', {
        pageTitle: `Publishing: ${plan.title}`,
        plan,
        publicPath: path,
        publicUrl: `${config.serviceUrl}${path}`,
        changed: request.query.changed === 'published' || request.query.changed === 'unpublished' ? request.query.changed : null,
      });
    },
  );

  app.post<{ Params: { id: number }; Body: { published: 'true' | 'false' } }>(
    '/plans/:id/publishing',
    { config: { access: PUBLISH }, schema: { params: idParams, body: bodySchema } },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const published = request.body.published === 'true';
      await services.plans.setPublished(request.user!, plan.id, published);
      return reply.redirect(`/plans/${plan.id}/publishing?changed=${published ? 'published' : 'unpublished'}`, 303);
    },
  );
}
