// The accessibility statement (/accessibility), in the GOV.UK model format. Public: no sign-in needed.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';

/** When the statement was prepared and last reviewed (ISO dates). */
export const STATEMENT_PREPARED = '2026-12-01';
export const STATEMENT_REVIEWED = '2026-12-01';

export async function accessibilityRoutes(app: FastifyInstance, _deps: RouteDeps): Promise<void> {
  app.get('/accessibility', { config: { access: { public: 'the accessibility statement is for everyone' } } }, async (_request, reply) =>
    reply.view('pages/accessibility/statement.njk', {
      pageTitle: 'Accessibility statement',
      prepared: STATEMENT_PREPARED,
      reviewed: STATEMENT_REVIEWED,
    }),
  );
}
