// One commitment's progress update in a period: the form (save as draft), check your answers, submit; the
// organisation's response; and, after sign-off, a correction stored as a new version. The address names a period
// and a commitment: the access rule checks the period, the review service answers 404 for a commitment that is
// not in the period's plan.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../../services/accounts.ts';
import type { RouteDeps } from '../../route-deps.ts';
import type { ReviewUpdateRecord } from '../../../services/review-service.ts';
import { EditConflictError, updateStamp } from '../../../services/edit-conflicts.ts';
import { errorView } from '../../form-errors.ts';
import { schemaProblems } from '../../validation.ts';
import { conflictView } from '../../conflict-view.ts';
import { signedInUser } from '../../plugins/access.ts';
import {
  doneQuery,
  noticeQuery,
  responseBody,
  returnBody,
  updateBody,
  updateParams,
  type DoneQuery,
  type NoticeQuery,
  type UpdateBody,
  type UpdateParams,
} from './schemas.ts';
import { donePage, returnPage } from './done-view.ts';
import { mailParams } from './mail-outcome.ts';
import { savedValues, typedValues, updatePage, versionView } from './update-view.ts';
import { periodUrl, updateUrl } from './urls.ts';

const NOTICES: Record<string, string> = {
  'response-saved': 'Your response has been saved',
  corrected: 'The correction has been saved as a new version: every page, export and the public page now show it. The earlier version is kept below, with your reason.',
};

type Route = { Params: UpdateParams };

const REFUSALS: Partial<Record<Action, string>> = {
  'update:write': 'Only a reviewer of this organisation can write its progress updates',
  'update:respond': 'Only the plan owner or an admin of this organisation can respond to a progress update',
};

/** The period's rule: reading it, or a right over its updates. */
function onPeriod(action: Action) {
  const refusal = REFUSALS[action];
  return { access: { kind: 'review-period', param: 'periodId', action, ...(refusal && { refusal }) } } as const;
}

export async function updateRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const formData = (request: FastifyRequest<Route>) =>
    services.reviews.updateForm(signedInUser(request), request.params.periodId, request.params.commitmentId);

  app.get<Route & { Querystring: NoticeQuery }>(
    '/reviews/:periodId/commitments/:commitmentId',
    { config: onPeriod('plan:read'), schema: { params: updateParams, querystring: noticeQuery } },
    async (request, reply) => {
      const data = await formData(request);
      return reply.view('pages/reviews/update.njk', {
        ...updatePage(data, savedValues(data.update)),
        notice: NOTICES[request.query.notice ?? ''],
        readVersion: updateStamp(data.update),
      });
    },
  );

  app.post<Route & { Body: UpdateBody }>(
    '/reviews/:periodId/commitments/:commitmentId',
    { config: onPeriod('update:write'), attachValidation: true, schema: { params: updateParams, body: updateBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const body = request.body ?? {};
      const tooLong = schemaProblems(request, updateBody);
      if (tooLong.length > 0) {
        const data = await formData(request);
        return reply.code(400).view('pages/reviews/update.njk', {
          ...updatePage(data, typedValues(body, data.update)),
          ...errorView(tooLong),
          readVersion: body.version,
        });
      }
      let saved;
      try {
        saved = await services.reviews.saveUpdate(signedInUser(request), {
          commitmentId, periodId, rag: body.rag, narrative: body.narrative, kpiRefs: body.kpiRefs ?? [],
          ragOverrideReason: body.ragOverrideReason, readVersion: body.version,
        });
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Someone saved this update after the form was opened: show theirs and what was typed, keep the typing.
        const data = await formData(request);
        const theirs = error.current as ReviewUpdateRecord | null;
        return reply.code(409).view('pages/reviews/update.njk', {
          ...updatePage(data, typedValues(body, data.update)),
          readVersion: updateStamp(data.update),
          ...(await conflictView(services, 'update', theirs && { by: theirs.createdBy, at: theirs.updatedAt }, [
            { label: 'RAG', theirs: theirs?.rag ?? '', yours: body.rag ?? '' },
            { label: 'Progress update', theirs: theirs?.narrative ?? '', yours: body.narrative ?? '' },
          ])),
        });
      }
      if (saved.ok) {
        return reply.redirect(body.next === 'draft' ? periodUrl(periodId, 'draft-saved', commitmentId) : `${updateUrl(periodId, commitmentId)}/check`, 303);
      }
      const data = await formData(request);
      return reply.code(400).view('pages/reviews/update.njk', {
        ...updatePage(data, typedValues(body, data.update)),
        ...errorView(saved.errors),
        readVersion: body.version,
      });
    },
  );

  app.get<Route>(
    '/reviews/:periodId/commitments/:commitmentId/check',
    { config: onPeriod('plan:read'), schema: { params: updateParams } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const data = await formData(request);
      if (!data.update || data.stage !== 'draft' || !data.rights.write) return reply.redirect(updateUrl(periodId, commitmentId), 303);
      return reply.view('pages/reviews/check.njk', { ...updatePage(data, savedValues(data.update)), answers: versionView(data, data.update) });
    },
  );

  app.post<Route>(
    '/reviews/:periodId/commitments/:commitmentId/submit',
    { config: onPeriod('update:write'), schema: { params: updateParams } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const submitted = await services.reviews.submitUpdate(signedInUser(request), periodId, commitmentId);
      if (submitted.ok) return reply.redirect(periodUrl(periodId, 'submitted', commitmentId), 303);
      // The draft no longer passes the checks (e.g. the suggestion changed): fix it in the form.
      const data = await formData(request);
      return reply.code(400).view('pages/reviews/update.njk', { ...updatePage(data, savedValues(data.update)), ...errorView(submitted.errors) });
    },
  );

  app.post<Route & { Body: { response?: string } }>(
    '/reviews/:periodId/commitments/:commitmentId/response',
    { config: onPeriod('update:respond'), attachValidation: true, schema: { params: updateParams, body: responseBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const typed = request.body?.response;
      const tooLong = schemaProblems(request, responseBody);
      const responded = tooLong.length > 0 ? { ok: false as const, errors: tooLong } : await services.reviews.respond(signedInUser(request), periodId, commitmentId, typed);
      if (responded.ok) return reply.redirect(`${updateUrl(periodId, commitmentId)}/done?notice=response-saved`, 303);
      const data = await formData(request);
      const values = { ...savedValues(data.update), response: typed ?? '' };
      return reply.code(400).view('pages/reviews/update.njk', { ...updatePage(data, values), ...errorView(responded.errors) });
    },
  );

  // Returning a submitted update to draft before sign-off: the reason first, then a confirmation page.
  app.get<Route>(
    '/reviews/:periodId/commitments/:commitmentId/return-to-draft',
    { config: onPeriod('update:write'), schema: { params: updateParams } },
    async (request, reply) => {
      const data = await formData(request);
      if (data.stage !== 'submitted' || data.locked) return reply.redirect(updateUrl(request.params.periodId, request.params.commitmentId), 303);
      return reply.view('pages/reviews/return-to-draft.njk', returnPage(data, ''));
    },
  );

  app.post<Route & { Body: { reason?: string } }>(
    '/reviews/:periodId/commitments/:commitmentId/return-to-draft',
    { config: onPeriod('update:write'), attachValidation: true, schema: { params: updateParams, body: returnBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const typed = request.body?.reason ?? '';
      const tooLong = schemaProblems(request, returnBody);
      const returned = tooLong.length > 0 ? { ok: false as const, errors: tooLong } : await services.reviews.returnToDraft(signedInUser(request), periodId, commitmentId, typed);
      if (returned.ok) return reply.redirect(`${updateUrl(periodId, commitmentId)}/done?notice=returned&${mailParams(returned.mail)}`, 303);
      const data = await formData(request);
      return reply.code(400).view('pages/reviews/return-to-draft.njk', { ...returnPage(data, typed), ...errorView(returned.errors) });
    },
  );

  // The confirmation page after a response is saved or an update returned to draft: what happens next.
  app.get<Route & { Querystring: DoneQuery }>(
    '/reviews/:periodId/commitments/:commitmentId/done',
    { config: onPeriod('plan:read'), schema: { params: updateParams, querystring: doneQuery } },
    async (request, reply) => {
      const { periodId } = request.params;
      const [data, list] = await Promise.all([formData(request), services.reviews.periodTaskList(signedInUser(request), periodId)]);
      return reply.view('pages/reviews/done.njk', donePage(data, list, request.query));
    },
  );

  app.get<Route>(
    '/reviews/:periodId/commitments/:commitmentId/correct',
    { config: onPeriod('plan:read'), schema: { params: updateParams } },
    async (request, reply) => {
      const data = await formData(request);
      const page = updatePage(data, savedValues(data.update), 'correct');
      if (page.mode !== 'correct') return reply.redirect(updateUrl(request.params.periodId, request.params.commitmentId), 303);
      return reply.view('pages/reviews/update.njk', page);
    },
  );

  app.post<Route & { Body: UpdateBody }>(
    '/reviews/:periodId/commitments/:commitmentId/correct',
    { config: onPeriod('update:write'), attachValidation: true, schema: { params: updateParams, body: updateBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const body = request.body ?? {};
      const tooLong = schemaProblems(request, updateBody);
      const corrected =
        tooLong.length > 0
          ? { ok: false as const, errors: tooLong }
          : await services.reviews.correctUpdate(signedInUser(request), {
              commitmentId,
              periodId,
              rag: body.rag,
              narrative: body.narrative,
              kpiRefs: body.kpiRefs ?? [],
              ragOverrideReason: body.ragOverrideReason,
              correctionReason: body.correctionReason,
            });
      if (corrected.ok) return reply.redirect(updateUrl(periodId, commitmentId, 'corrected'), 303);
      const data = await formData(request);
      return reply.code(400).view('pages/reviews/update.njk', { ...updatePage(data, typedValues(body, data.update), 'correct'), ...errorView(corrected.errors) });
    },
  );
}
