// Calendars: the secret feed address calendar apps subscribe to (no sign-in: the token is the key), the page where
// a user makes, sees once, replaces or revokes that address, and a one-off .ics download of one plan.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import {
  calendarFeedCreatedAt,
  calendarForToken,
  createCalendarFeed,
  feedPath,
  planCalendar,
  revokeCalendarFeed,
} from '../../../services/calendar-feeds.ts';
import { publicSlug } from '../../../services/publishing.ts';

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
};

const fileParams = {
  type: 'object',
  properties: { file: { type: 'string', maxLength: 100 } },
  required: ['file'],
};

const PAGE = 'pages/calendar/account.njk';
const PAGE_TITLE = 'Calendar feed';

export async function calendarRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  app.get<{ Params: { file: string } }>('/calendar/:file', { schema: { params: fileParams } }, async (request, reply) => {
    const token = /^(.+)\.ics$/.exec(request.params.file)?.[1];
    const ics = token && (await calendarForToken(store.db, token));
    reply.header('cache-control', 'no-store');
    if (!ics) return reply.code(404).type('text/plain; charset=utf-8').send('There is no calendar at this address. It may have been revoked.\n');
    return reply.type('text/calendar; charset=utf-8').send(ics);
  });

  app.get<{ Params: { id: number } }>(
    '/plans/:id/calendar.ics',
    { preHandler: app.requireUser, schema: { params: idParams } },
    async (request, reply) => {
      const found = await planCalendar(store.db, request.user, request.params.id);
      if (!found) return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${publicSlug(found.plan)}-milestones.ics"`)
        .send(found.ics);
    },
  );

  app.get('/account/calendar', { preHandler: app.requireUser }, async (request, reply) => {
    const user = request.user!;
    return reply.view(PAGE, { pageTitle: PAGE_TITLE, createdAt: await calendarFeedCreatedAt(store.db, user), feedUrl: null, revoked: false });
  });

  // The new address is shown in this response only: it is not kept anywhere it could be shown again.
  app.post('/account/calendar', { preHandler: app.requireUser }, async (request, reply) => {
    const user = request.user!;
    const { token, createdAt } = await createCalendarFeed(store.db, user);
    reply.header('cache-control', 'no-store');
    return reply.view(PAGE, { pageTitle: PAGE_TITLE, createdAt, feedUrl: `${config.serviceUrl}${feedPath(token)}`, revoked: false });
  });

  app.post('/account/calendar/revoke', { preHandler: app.requireUser }, async (request, reply) => {
    const user = request.user!;
    const revoked = await revokeCalendarFeed(store.db, user);
    return reply.view(PAGE, { pageTitle: PAGE_TITLE, createdAt: null, feedUrl: null, revoked });
  });
}
