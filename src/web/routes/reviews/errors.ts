// How the review pages answer the review service's refusals. The routes' access rules have already answered a
// user outside the plan's organisation (404) and a member without the right (403); what is left is the service's
// own word: a commitment that is not in the period's plan → 404; a right the rule could not state on its own
// (setting up periods) → 403 with the reason; a change the update's or period's state no longer allows (e.g.
// after sign-off) → 409 with the reason. Anything else goes on to the application's error handler.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ReviewForbiddenError, ReviewStateError } from '../../../services/review-service.ts';
import { periodUrl } from './urls.ts';
import { notFoundPage } from '../../plugins/access.ts';

export async function handleReviewError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof NotFoundError) return notFoundPage(reply);
  const periodId = (request.params as { periodId?: number } | undefined)?.periodId;
  const back = periodId === undefined ? null : periodUrl(periodId);
  if (error instanceof ReviewForbiddenError) {
    return reply.code(403).view('pages/reviews/refused.njk', { pageTitle: 'You cannot do this', message: error.message, back });
  }
  if (error instanceof ReviewStateError) {
    return reply.code(409).view('pages/reviews/refused.njk', { pageTitle: 'This cannot be changed now', message: error.message, back });
  }
  throw error;
}
