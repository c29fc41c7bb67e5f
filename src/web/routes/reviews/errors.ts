// How the review pages answer the review service's refusals: something that does not exist → 404; a user
// outside the plan's organisation → the same 404 (ids cannot be probed); a member without the right → 403;
// a change the update's or period's state no longer allows (e.g. after sign-off) → 409 with the reason.
// Anything else goes on to the application's error handler.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { can } from '../../../services/accounts.ts';
import { NotFoundError, ReviewForbiddenError, ReviewStateError } from '../../../services/reviews.ts';
import type { Database } from '../../../store/schema.ts';
import { getCommitment } from '../../../store/commitments-repository.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import { getReviewPeriod } from '../../../store/review-periods-repository.ts';
import { periodUrl } from './urls.ts';

type Db = Kysely<Database>;

interface ReviewParams {
  id?: number;
  periodId?: number;
  commitmentId?: number;
}

export function notFound(reply: FastifyReply) {
  return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
}

/** The organisation owning what the address names: a period, or else a plan (/plans/:id) or commitment (/commitments/:id). */
async function organisationOf(db: Db, request: FastifyRequest): Promise<number | undefined> {
  const params = (request.params ?? {}) as ReviewParams;
  let planId: number | undefined;
  if (params.periodId !== undefined) planId = (await getReviewPeriod(db, params.periodId))?.planId;
  else if (params.id !== undefined && request.url.startsWith('/plans/')) planId = params.id;
  else if (params.id !== undefined) planId = (await getCommitment(db, params.id))?.planId;
  if (planId === undefined) return undefined;
  return (await getPlanRecord(db, planId))?.organisationId;
}

export function reviewErrorHandler(db: Db) {
  return async function handleReviewError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof NotFoundError) return notFound(reply);
    const periodId = (request.params as ReviewParams | undefined)?.periodId;
    const back = periodId === undefined ? null : periodUrl(periodId);
    if (error instanceof ReviewForbiddenError) {
      const organisationId = await organisationOf(db, request);
      if (organisationId === undefined || !can(request.user, 'plan:read', organisationId)) return notFound(reply);
      return reply.code(403).view('pages/reviews/refused.njk', { pageTitle: 'You cannot do this', message: error.message, back });
    }
    if (error instanceof ReviewStateError) {
      return reply.code(409).view('pages/reviews/refused.njk', { pageTitle: 'This cannot be changed now', message: error.message, back });
    }
    throw error;
  };
}
