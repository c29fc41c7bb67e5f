// The reminders preview: for plan owners and admins, who would get which reminder e-mail today, without sending.
// Signed-in people only; the role is checked across all the person's organisations, as the preview covers each
// organisation where they may see it.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { forbiddenPage } from '../../plugins/access.ts';

export async function reminderRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  app.get('/reminders/preview', { config: { access: { signedIn: true } } }, async (request, reply) => {
    const user = request.user!;
    if (!services.plans.mayPreviewReminders(user)) {
      return forbiddenPage(reply, 'Only plan owners and admins can preview reminder e-mails.');
    }
    const { day, previews } = await services.plans.reminderPreviews(user);
    return reply.view('pages/reminders/preview.njk', {
      pageTitle: 'Reminder e-mails',
      day,
      previews,
      reminderDays: config.reminderDays,
      smtpConfigured: config.smtp.host !== '',
    });
  });
}
