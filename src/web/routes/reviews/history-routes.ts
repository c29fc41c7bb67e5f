// A commitment's progress-update history: every period's update, with every version after a correction.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { userOf } from './signed-in-user.ts';
import { updateVisibility, userViewer } from '../../../services/update-visibility.ts';
import { commitmentHistory } from '../../../services/reviews.ts';
import { getCommitment } from '../../../store/commitments-repository.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import { notFound } from './errors.ts';
import { historyPage } from './history-view.ts';
import { planParams } from './schemas.ts';

export async function historyRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;
  app.get<{ Params: { id: number } }>(
    '/commitments/:id/updates',
    { preHandler: app.requireUser, schema: { params: planParams } },
    async (request, reply) => {
      const history = await commitmentHistory(db, userOf(request), request.params.id);
      const commitment = await getCommitment(db, request.params.id);
      const plan = commitment && (await getPlanRecord(db, commitment.planId));
      if (!commitment || !plan) return notFound(reply);
      // Drafts are the reviewer's work in progress: the one visibility rule shows them to reviewers only.
      const showDrafts = updateVisibility(userViewer(request.user), plan.organisationId).drafts;
      return reply.view('pages/reviews/history.njk', historyPage(history, commitment, plan, showDrafts));
    },
  );
}
