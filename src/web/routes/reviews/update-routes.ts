// One commitment's progress update in a period: the form (save as draft), check your answers, submit; the
// organisation's response; and, after sign-off, a correction stored as a new version.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { CurrentUser } from '../../../services/accounts.ts';
import { userOf } from './signed-in-user.ts';
import { correctUpdate, respondToUpdate, saveUpdate, submitUpdate, updateFormData } from '../../../services/reviews.ts';
import { errorView } from '../../form-errors.ts';
import { EditConflictError, updateStamp } from '../../../services/edit-conflicts.ts';
import type { ReviewUpdateRecord } from '../../../store/progress-updates-repository.ts';
import { conflictView } from '../../conflict-view.ts';
import { today } from '../../today.ts';
import { noticeQuery, responseBody, updateBody, updateParams, type NoticeQuery, type UpdateBody, type UpdateParams } from './schemas.ts';
import { savedValues, typedValues, updatePage, versionView } from './update-view.ts';
import { periodUrl, updateUrl } from './urls.ts';

const NOTICES: Record<string, string> = {
  'response-saved': 'Your response has been saved',
  corrected: 'The correction has been saved as a new version. The earlier version is kept below.',
};

type Route = { Params: UpdateParams };

export async function updateRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;
  const formData = (user: CurrentUser, { periodId, commitmentId }: UpdateParams) =>
    updateFormData(db, user, commitmentId, periodId, { today: today() });

  app.get<Route & { Querystring: NoticeQuery }>(
    '/reviews/:periodId/commitments/:commitmentId',
    { preHandler: app.requireUser, schema: { params: updateParams, querystring: noticeQuery } },
    async (request, reply) => {
      const data = await formData(userOf(request), request.params);
      return reply.view('pages/reviews/update.njk', {
        ...updatePage(data, savedValues(data.update)),
        notice: NOTICES[request.query.notice ?? ''],
        readVersion: updateStamp(data.update),
      });
    },
  );

  app.post<Route & { Body: UpdateBody }>(
    '/reviews/:periodId/commitments/:commitmentId',
    { preHandler: app.requireUser, schema: { params: updateParams, body: updateBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const body = request.body;
      let saved;
      try {
        saved = await saveUpdate(
          db,
          userOf(request),
          {
            commitmentId, periodId, rag: body.rag, narrative: body.narrative, kpiRefs: body.kpiRefs ?? [],
            ragOverrideReason: body.ragOverrideReason, readVersion: body.version,
          },
          { today: today() },
        );
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Someone saved this update after the form was opened: show theirs and what was typed, keep the typing.
        const data = await formData(userOf(request), request.params);
        const theirs = error.current as ReviewUpdateRecord | null;
        return reply.code(409).view('pages/reviews/update.njk', {
          ...updatePage(data, typedValues(body, data.update)),
          readVersion: updateStamp(data.update),
          ...(await conflictView(db, 'update', theirs && { by: theirs.createdBy, at: theirs.updatedAt }, [
            { label: 'RAG', theirs: theirs?.rag ?? '', yours: body.rag ?? '' },
            { label: 'Progress update', theirs: theirs?.narrative ?? '', yours: body.narrative ?? '' },
          ])),
        });
      }
      if (saved.ok) {
        return reply.redirect(body.next === 'draft' ? periodUrl(periodId, 'draft-saved', commitmentId) : `${updateUrl(periodId, commitmentId)}/check`, 303);
      }
      const data = await formData(userOf(request), request.params);
      return reply.code(400).view('pages/reviews/update.njk', {
        ...updatePage(data, typedValues(body, data.update)),
        ...errorView(saved.errors),
        readVersion: body.version,
      });
    },
  );

  app.get<Route>(
    '/reviews/:periodId/commitments/:commitmentId/check',
    { preHandler: app.requireUser, schema: { params: updateParams } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const data = await formData(userOf(request), request.params);
      if (!data.update || data.stage !== 'draft' || !data.rights.write) return reply.redirect(updateUrl(periodId, commitmentId), 303);
      return reply.view('pages/reviews/check.njk', { ...updatePage(data, savedValues(data.update)), answers: versionView(data, data.update) });
    },
  );

  app.post<Route>(
    '/reviews/:periodId/commitments/:commitmentId/submit',
    { preHandler: app.requireUser, schema: { params: updateParams } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const submitted = await submitUpdate(db, userOf(request), commitmentId, periodId);
      if (submitted.ok) return reply.redirect(periodUrl(periodId, 'submitted', commitmentId), 303);
      // The draft no longer passes the checks (e.g. the suggestion changed): fix it in the form.
      const data = await formData(userOf(request), request.params);
      return reply.code(400).view('pages/reviews/update.njk', { ...updatePage(data, savedValues(data.update)), ...errorView(submitted.errors) });
    },
  );

  app.post<Route & { Body: { response?: string } }>(
    '/reviews/:periodId/commitments/:commitmentId/response',
    { preHandler: app.requireUser, schema: { params: updateParams, body: responseBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const responded = await respondToUpdate(db, userOf(request), commitmentId, periodId, request.body.response);
      if (responded.ok) return reply.redirect(updateUrl(periodId, commitmentId, 'response-saved'), 303);
      const data = await formData(userOf(request), request.params);
      const values = { ...savedValues(data.update), response: request.body.response ?? '' };
      return reply.code(400).view('pages/reviews/update.njk', { ...updatePage(data, values), ...errorView(responded.errors) });
    },
  );

  app.get<Route>(
    '/reviews/:periodId/commitments/:commitmentId/correct',
    { preHandler: app.requireUser, schema: { params: updateParams } },
    async (request, reply) => {
      const data = await formData(userOf(request), request.params);
      const page = updatePage(data, savedValues(data.update), 'correct');
      if (page.mode !== 'correct') return reply.redirect(updateUrl(request.params.periodId, request.params.commitmentId), 303);
      return reply.view('pages/reviews/update.njk', page);
    },
  );

  app.post<Route & { Body: UpdateBody }>(
    '/reviews/:periodId/commitments/:commitmentId/correct',
    { preHandler: app.requireUser, schema: { params: updateParams, body: updateBody } },
    async (request, reply) => {
      const { periodId, commitmentId } = request.params;
      const body = request.body;
      const corrected = await correctUpdate(
        db,
        userOf(request),
        {
          commitmentId,
          periodId,
          rag: body.rag,
          narrative: body.narrative,
          kpiRefs: body.kpiRefs ?? [],
          ragOverrideReason: body.ragOverrideReason,
          correctionReason: body.correctionReason,
        },
        { today: today() },
      );
      if (corrected.ok) return reply.redirect(updateUrl(periodId, commitmentId, 'corrected'), 303);
      const data = await formData(userOf(request), request.params);
      return reply.code(400).view('pages/reviews/update.njk', { ...updatePage(data, typedValues(body, data.update), 'correct'), ...errorView(corrected.errors) });
    },
  );
}
