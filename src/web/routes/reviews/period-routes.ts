// A plan's review periods, one period's task list and its sign-off, and the comparison with the period before.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView } from '../../form-errors.ts';
import { idParams } from '../../validation.ts';
import { signedInUser } from '../../plugins/access.ts';
import { comparisonPage } from './comparison-view.ts';
import { periodPage } from './period-view.ts';
import { mailQuery, noticeQuery, periodParams, type MailQuery, type NoticeQuery } from './schemas.ts';
import { signOffCheckPage } from './sign-off-view.ts';
import { mailText, signedOffUrl } from './mail-outcome.ts';
import { periodUrl } from './urls.ts';

type PeriodRoute = { Params: { periodId: number } };

const readPeriod = { access: { kind: 'review-period', param: 'periodId', action: 'plan:read' } } as const;

const signOffRule = {
  access: { kind: 'review-period', param: 'periodId', action: 'update:sign-off', refusal: 'Only a reviewer of this organisation can sign off a review period' },
} as const;

export async function periodRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: NoticeQuery }>(
    '/plans/:id/reviews',
    { config: { access: { kind: 'plan', action: 'plan:read' } }, schema: { params: idParams, querystring: noticeQuery } },
    async (request, reply) => {
      // Reads only: periods the plan calls for but not stored yet are listed, and set up by the POST below.
      const plan = request.resource?.plan;
      if (!plan) return reply.callNotFound();
      const planned = await services.reviews.plannedPeriods(signedInUser(request), plan.id);
      return reply.view('pages/reviews/periods.njk', {
        pageTitle: `Quarterly review - ${plan.title}`,
        plan,
        periods: planned.stored,
        missing: planned.missing,
        maySetUp: planned.maySetUp,
        // After a change of cadence or financial-year start (plan settings): the periods now.
        periodsChanged: request.query.notice === 'periods-changed',
      });
    },
  );

  // Reviewers and plan editors may set periods up.
  app.post<{ Params: { id: number } }>(
    '/plans/:id/reviews/periods',
    {
      config: { access: { kind: 'plan', action: 'periods:set-up', refusal: 'Only a reviewer or an editor of this plan can set up its review periods.' } },
      schema: { params: idParams },
    },
    async (request, reply) => {
      await services.reviews.setUpPeriods(signedInUser(request), request.params.id);
      return reply.redirect(`/plans/${request.params.id}/reviews`, 303);
    },
  );

  app.get<PeriodRoute & { Querystring: NoticeQuery }>(
    '/reviews/:periodId',
    { config: readPeriod, schema: { params: periodParams, querystring: noticeQuery } },
    async (request, reply) => {
      const list = await services.reviews.periodTaskList(signedInUser(request), request.params.periodId);
      return reply.view('pages/reviews/period.njk', periodPage(list, request.query));
    },
  );

  // Check your answers before signing off: every commitment's RAG, update and response, and what will lock.
  app.get<PeriodRoute>('/reviews/:periodId/sign-off', { config: signOffRule, schema: { params: periodParams } }, async (request, reply) => {
    const list = await services.reviews.periodTaskList(signedInUser(request), request.params.periodId);
    if (!list.canSignOff) return reply.redirect(periodUrl(list.period.id), 303);
    return reply.view('pages/reviews/sign-off-check.njk', signOffCheckPage(list));
  });

  app.post<PeriodRoute>('/reviews/:periodId/sign-off', { config: signOffRule, schema: { params: periodParams } }, async (request, reply) => {
    const { periodId } = request.params;
    const signed = await services.reviews.signOff(signedInUser(request), periodId);
    if (signed.ok) return reply.redirect(signedOffUrl(periodId, signed.mail), 303);
    const list = await services.reviews.periodTaskList(signedInUser(request), periodId);
    return reply.code(400).view('pages/reviews/period.njk', { ...periodPage(list), ...errorView(signed.errors) });
  });

  app.get<PeriodRoute & { Querystring: MailQuery }>(
    '/reviews/:periodId/signed-off',
    { config: readPeriod, schema: { params: periodParams, querystring: mailQuery } },
    async (request, reply) => {
      const list = await services.reviews.periodTaskList(signedInUser(request), request.params.periodId);
      if (!list.locked) return reply.redirect(periodUrl(list.period.id), 303);
      return reply.view('pages/reviews/signed-off.njk', {
        ...periodPage(list),
        pageTitle: `${list.period.label} signed off - ${list.plan.title}`,
        mail: mailText(request.query, 'the organisation’s plan owners'),
      });
    },
  );

  app.get<PeriodRoute>('/reviews/:periodId/comparison', { config: readPeriod, schema: { params: periodParams } }, async (request, reply) => {
    const comparison = await services.reviews.comparison(signedInUser(request), request.params.periodId);
    const plan = request.resource?.plan;
    if (!plan) return reply.callNotFound();
    return reply.view('pages/reviews/comparison.njk', comparisonPage(comparison, plan));
  });
}
