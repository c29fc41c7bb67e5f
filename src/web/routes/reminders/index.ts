// The reminders preview: for plan owners and admins, who would get which reminder e-mail today, without sending.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { can } from '../../../services/accounts.ts';
import { previewDigests } from '../../../services/reminders.ts';
import { today } from '../../today.ts';

export async function reminderRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  app.get('/reminders/preview', { preHandler: app.requireUser }, async (request, reply) => {
    const user = request.user!;
    if (!user.memberships.some((m) => can(user, 'reminders:preview', m.organisationId))) {
      return reply.code(403).view('pages/errors/403.njk', {
        pageTitle: 'You cannot see this page',
        message: 'Only plan owners and admins can preview reminder e-mails.',
      });
    }
    const day = today();
    const previews = await previewDigests(store.db, user, day, config);
    return reply.view('pages/reminders/preview.njk', {
      pageTitle: 'Reminder e-mails',
      day,
      previews,
      reminderDays: config.reminderDays,
      smtpConfigured: config.smtp.host !== '',
    });
  });
}
