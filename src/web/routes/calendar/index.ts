// Calendars: the secret feed address calendar apps subscribe to (no sign-in: the token is the key), the page where
// a user makes, sees once, replaces or revokes that address, and a one-off .ics download of one plan.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { feedPath } from '../../../services/account-service.ts';
import { publicSlug } from '../../../services/plan-service.ts';
import { idParams } from '../../validation.ts';
import { notFoundPage } from '../../plugins/access.ts';

const fileParams = {
  type: 'object',
  properties: { file: { type: 'string', maxLength: 100 } },
  required: ['file'],
};

const PAGE = 'pages/calendar/account.njk';
const PAGE_TITLE = 'Calendar feed';
const SIGNED_IN = { signedIn: true } as const;

export async function calendarRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  app.get<{ Params: { file: string } }>(
    '/calendar/:file',
    { config: { access: { public: 'calendar feed: the secret token in the address' } }, schema: { params: fileParams } },
    async (request, reply) => {
      const token = /^(.+)\.ics$/.exec(request.params.file)?.[1];
      const ics = token && (await services.accounts.calendar.forToken(token));
      reply.header('cache-control', 'no-store');
      if (!ics) return reply.code(404).type('text/plain; charset=utf-8').send('There is no calendar at this address. It may have been revoked.\n');
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/plans/:id/calendar.ics',
    { config: { access: { kind: 'plan', action: 'plan:read' } }, schema: { params: idParams } },
    async (request, reply) => {
      const found = await services.accounts.calendar.forPlan(request.user, request.params.id);
      if (!found) return notFoundPage(reply);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${publicSlug(found.plan)}-milestones.ics"`)
        .send(found.ics);
    },
  );

  app.get('/account/calendar', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const createdAt = await services.accounts.calendar.createdAt(request.user!);
    return reply.view(PAGE, { pageTitle: PAGE_TITLE, createdAt, feedUrl: null, revoked: false });
  });

  // The new address is shown in this response only: it is not kept anywhere it could be shown again.
  app.post('/account/calendar', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const { token, createdAt } = await services.accounts.calendar.create(request.user!);
    reply.header('cache-control', 'no-store');
    return reply.view(PAGE, { pageTitle: PAGE_TITLE, createdAt, feedUrl: `${config.serviceUrl}${feedPath(token)}`, revoked: false });
  });

  app.post('/account/calendar/revoke', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const revoked = await services.accounts.calendar.revoke(request.user!);
    return reply.view(PAGE, { pageTitle: PAGE_TITLE, createdAt: null, feedUrl: null, revoked });
  });
}
