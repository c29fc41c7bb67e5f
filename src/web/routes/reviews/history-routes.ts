// A commitment's progress-update history: every period's update, with every version after a correction.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { idParams } from '../../validation.ts';
import { updateVisibility, userViewer } from '../../../services/update-visibility.ts';
import { loadedCommitment } from '../commitments/loaded.ts';
import { signedInUser } from '../../plugins/access.ts';
import { historyPage } from './history-view.ts';

export async function historyRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number } }>(
    '/commitments/:id/updates',
    { config: { access: { kind: 'commitment', action: 'plan:read' } }, schema: { params: idParams } },
    async (request, reply) => {
      const { commitment, plan } = loadedCommitment(request);
      const history = await services.reviews.history(signedInUser(request), commitment.id);
      // Drafts are the reviewer's work in progress: the one visibility rule shows them to reviewers only.
      const showDrafts = updateVisibility(userViewer(request.user), plan.organisationId).drafts;
      return reply.view('pages/reviews/history.njk', historyPage(history, commitment, plan, showDrafts));
    },
  );
}
