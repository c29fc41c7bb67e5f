// The JSON API's changes: a milestone's status or due date, a KPI reading, evidence on a milestone, and a
// reviewer's progress update (save as draft, submit). Each needs If-Match with the ETag of the thing's current
// read and goes through the same service function as the page, so it is checked and audited as the token's user.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.ts';
import type { AccessRule } from '../../plugins/access.ts';
import { etagOf, matchesCurrent } from '../conditional.ts';
import { sendProblem } from '../problems.ts';
import {
  Evidence, IdParams, MilestoneChange, MilestoneDetail, NewEvidence, NewReading, Reading, UpdateDraft, UpdateForm, UpdateParams,
  WriteHeaders, changeResponses, creationResponses,
} from '../schemas.ts';
import { apiUser } from './request-user.ts';

const rule = (access: AccessRule) => ({ api: true, access });
const IF_MATCH = 'Send If-Match with the ETag of';

export async function apiWriteRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { reads, writes } = services.api;

  api.patch('/milestones/:id', {
    config: rule({ kind: 'milestone', action: 'commitment:edit' }),
    schema: {
      tags: ['Milestones'], summary: 'Change a milestone\'s status, or re-date it with a reason',
      description: `${IF_MATCH} GET /milestones/{id}. A new due window is a change of plan: it needs a reason and is kept in the milestone's history.`,
      params: IdParams, headers: WriteHeaders, body: MilestoneChange, response: changeResponses(MilestoneDetail, 'The milestone as it is now'),
    },
  }, async (request, reply) => {
    const id = request.params.id;
    if (!matchesCurrent(request, reply, await reads.milestone(id))) return reply;
    const changed = await writes.changeMilestone(apiUser(request), id, request.body);
    if (!changed.ok) return sendProblem(request, reply, 400, 'The change was not valid.', changed.errors);
    return reply.header('etag', etagOf(changed.value)).send(changed.value);
  });

  api.post('/kpis/:id/readings', {
    config: rule({ kind: 'kpi', action: 'commitment:edit' }),
    schema: {
      tags: ['KPIs'], summary: 'Record a reading of a KPI',
      description: `${IF_MATCH} GET /kpis/{id}.`,
      params: IdParams, headers: WriteHeaders, body: NewReading, response: creationResponses(Reading, 'The reading recorded'),
    },
  }, async (request, reply) => {
    const id = request.params.id;
    if (!matchesCurrent(request, reply, await reads.kpi(id))) return reply;
    const recorded = await writes.recordReading(apiUser(request), id, request.body);
    if (!recorded.ok) return sendProblem(request, reply, 400, 'The reading was not valid.', recorded.errors);
    return reply.code(201).header('location', `/api/v1/kpis/${id}/readings`).send(recorded.value);
  });

  api.post('/milestones/:id/evidence', {
    config: rule({ kind: 'milestone', action: 'commitment:edit' }),
    schema: {
      tags: ['Milestones'], summary: 'Add evidence to a milestone: a note, its date and an optional link',
      description: `${IF_MATCH} GET /milestones/{id}. Files are added on the milestone's page, not through the API.`,
      params: IdParams, headers: WriteHeaders, body: NewEvidence, response: creationResponses(Evidence, 'The evidence added'),
    },
  }, async (request, reply) => {
    const id = request.params.id;
    if (!matchesCurrent(request, reply, await reads.milestone(id))) return reply;
    const added = await writes.addEvidence(apiUser(request), id, request.body);
    if (!added.ok) return sendProblem(request, reply, 400, 'The evidence was not valid.', added.errors);
    return reply.code(201).header('location', `/api/v1/milestones/${id}`).send(added.value);
  });

  api.put('/review-periods/:id/commitments/:commitmentId/update', {
    config: rule({ kind: 'review-period', action: 'update:write' }),
    schema: {
      tags: ['Reviews'], summary: 'Save the reviewer\'s progress update for a commitment in the period as a draft',
      description: `${IF_MATCH} GET /review-periods/{id}/commitments/{commitmentId}/update. A RAG other than the suggested one needs ragOverrideReason.`,
      params: UpdateParams, headers: WriteHeaders, body: UpdateDraft, response: changeResponses(UpdateForm, 'The update as it is now'),
    },
  }, async (request, reply) => {
    const { id, commitmentId } = request.params;
    const user = apiUser(request);
    if (!matchesCurrent(request, reply, await reads.update(user, id, commitmentId))) return reply;
    const saved = await writes.saveDraft(user, id, commitmentId, request.body);
    if (!saved.ok) return sendProblem(request, reply, 400, 'The update was not valid.', saved.errors);
    const after = await reads.update(user, id, commitmentId);
    return reply.header('etag', etagOf(after)).send(after);
  });

  api.post('/review-periods/:id/commitments/:commitmentId/update/submit', {
    config: rule({ kind: 'review-period', action: 'update:write' }),
    schema: {
      tags: ['Reviews'], summary: 'Submit the draft progress update for sign-off',
      description: `${IF_MATCH} GET /review-periods/{id}/commitments/{commitmentId}/update. No body.`,
      params: UpdateParams, headers: WriteHeaders, response: changeResponses(UpdateForm, 'The update as it is now'),
    },
  }, async (request, reply) => {
    const { id, commitmentId } = request.params;
    const user = apiUser(request);
    if (!matchesCurrent(request, reply, await reads.update(user, id, commitmentId))) return reply;
    const submitted = await writes.submit(user, id, commitmentId);
    if (!submitted.ok) return sendProblem(request, reply, 400, 'The draft cannot be submitted as it is.', submitted.errors);
    const after = await reads.update(user, id, commitmentId);
    return reply.header('etag', etagOf(after)).send(after);
  });
}
