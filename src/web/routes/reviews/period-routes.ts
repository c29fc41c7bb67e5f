// A plan's review periods, one period's task list and its sign-off, and the comparison with the period before.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { userOf } from './signed-in-user.ts';
import { comparePeriod, periodTaskList, plannedReviewPeriods, setUpReviewPeriods, signOffPeriod } from '../../../services/reviews.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import { errorView } from '../../form-errors.ts';
import { today } from '../../today.ts';
import { comparisonPage } from './comparison-view.ts';
import { notFound } from './errors.ts';
import { periodPage } from './period-view.ts';
import { noticeQuery, periodParams, planParams, type NoticeQuery } from './schemas.ts';
import { periodUrl } from './urls.ts';

type PeriodRoute = { Params: { periodId: number } };

export async function periodRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;

  app.get<{ Params: { id: number } }>(
    '/plans/:id/reviews',
    { preHandler: app.requireUser, schema: { params: planParams } },
    async (request, reply) => {
      // Reads only: periods the plan calls for but not stored yet are listed, and set up by the POST below.
      const planned = await plannedReviewPeriods(db, userOf(request), request.params.id);
      const plan = await getPlanRecord(db, request.params.id);
      if (!plan) return notFound(reply);
      return reply.view('pages/reviews/periods.njk', {
        pageTitle: `Quarterly review - ${plan.title}`,
        plan,
        periods: planned.stored,
        missing: planned.missing,
        maySetUp: planned.maySetUp,
      });
    },
  );

  app.post<{ Params: { id: number } }>(
    '/plans/:id/reviews/periods',
    { preHandler: app.requireUser, schema: { params: planParams } },
    async (request, reply) => {
      await setUpReviewPeriods(db, userOf(request), request.params.id);
      return reply.redirect(`/plans/${request.params.id}/reviews`, 303);
    },
  );

  app.get<PeriodRoute & { Querystring: NoticeQuery }>(
    '/reviews/:periodId',
    { preHandler: app.requireUser, schema: { params: periodParams, querystring: noticeQuery } },
    async (request, reply) => {
      const list = await periodTaskList(db, userOf(request), request.params.periodId);
      return reply.view('pages/reviews/period.njk', periodPage(list, request.query));
    },
  );

  app.post<PeriodRoute>(
    '/reviews/:periodId/sign-off',
    { preHandler: app.requireUser, schema: { params: periodParams } },
    async (request, reply) => {
      const { periodId } = request.params;
      const signed = await signOffPeriod(db, userOf(request), periodId);
      if (signed.ok) return reply.redirect(`${periodUrl(periodId)}/signed-off`, 303);
      const list = await periodTaskList(db, userOf(request), periodId);
      return reply.code(400).view('pages/reviews/period.njk', { ...periodPage(list), ...errorView(signed.errors) });
    },
  );

  app.get<PeriodRoute>(
    '/reviews/:periodId/signed-off',
    { preHandler: app.requireUser, schema: { params: periodParams } },
    async (request, reply) => {
      const list = await periodTaskList(db, userOf(request), request.params.periodId);
      if (!list.locked) return reply.redirect(periodUrl(list.period.id), 303);
      return reply.view('pages/reviews/signed-off.njk', { ...periodPage(list), pageTitle: `${list.period.label} signed off - ${list.plan.title}` });
    },
  );

  app.get<PeriodRoute>(
    '/reviews/:periodId/comparison',
    { preHandler: app.requireUser, schema: { params: periodParams } },
    async (request, reply) => {
      const comparison = await comparePeriod(db, userOf(request), request.params.periodId, { today: today() });
      const plan = await getPlanRecord(db, comparison.period.planId);
      if (!plan) return notFound(reply);
      return reply.view('pages/reviews/comparison.njk', comparisonPage(comparison, plan));
    },
  );
}
