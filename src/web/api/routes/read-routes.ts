// The JSON API's reads: organisations, plans, commitments, milestones, KPIs and readings, review periods and
// updates. Each states its access rule (checked before the handler runs) and answers with an ETag; lists are
// paged and take `changedSince`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.ts';
import type { AccessRule } from '../../plugins/access.ts';
import type { ResourceKind } from '../../../services/resource-access.ts';
import { sendRead } from '../conditional.ts';
import { pageOf, sinceOf, type ListQuery as ListQueryValues } from '../pagination.ts';
import {
  Commitment, IdParams, Kpi, KpiDetail, ListQuery, Milestone, MilestoneDetail, Organisation, Page, Plan, Reading,
  PageQuery, ReadHeaders, ReviewPeriod, Update, UpdateForm, UpdateParams, readResponses,
} from '../schemas.ts';
import { apiUser } from './request-user.ts';

const rule = (access: AccessRule) => ({ api: true, access });

/** A list about the thing the address names: paged, filtered by `changedSince`, with its ETag. */
function listSchema(tag: string, summary: string, item: TSchema, description: string, extra: { description?: string } = {}) {
  return {
    tags: [tag], summary, ...extra,
    params: IdParams, querystring: ListQuery, headers: ReadHeaders, response: readResponses(Page(item), description),
  };
}

/** One thing the address names, with its ETag. */
function oneSchema(tag: string, summary: string, item: TSchema, description: string, extra: { description?: string } = {}) {
  return { tags: [tag], summary, ...extra, params: IdParams, headers: ReadHeaders, response: readResponses(item, description) };
}

/** Sends the page of `all` the query asks for (or the problem with its cursor). */
async function sendList<T>(request: FastifyRequest, reply: FastifyReply, all: readonly T[], query: ListQueryValues) {
  const page = pageOf(request, reply, all, query);
  return page ? sendRead(request, reply, page) : reply;
}

export async function apiReadRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const reads = services.api.reads;

  /** A list about the `kind` the address names, read with plan:read on it; `load` gets the caller, the id and `changedSince`. */
  const list = (
    path: string, kind: ResourceKind, schema: ReturnType<typeof listSchema>,
    load: (user: ReturnType<typeof apiUser>, id: number, since: ReturnType<typeof sinceOf>) => Promise<readonly unknown[]>,
  ) => api.get(path, { config: rule({ kind, action: 'plan:read' }), schema }, async (request, reply) =>
    sendList(request, reply, await load(apiUser(request), request.params.id, sinceOf(request.query)), request.query));

  /** One `kind` named by the address, read with plan:read on it; `load` gets the caller and the id. */
  const one = (
    path: string, kind: ResourceKind, schema: ReturnType<typeof oneSchema>,
    load: (user: ReturnType<typeof apiUser>, id: number) => Promise<unknown>,
  ) => api.get(path, { config: rule({ kind, action: 'plan:read' }), schema }, async (request, reply) =>
    sendRead(request, reply, await load(apiUser(request), request.params.id)));

  api.get('/organisations', {
    config: rule({ signedIn: true }),
    schema: {
      tags: ['Organisations'], summary: 'The organisation of the token',
      querystring: PageQuery, headers: ReadHeaders, response: readResponses(Page(Organisation), 'The organisations the token may act in'),
    },
  }, async (request, reply) => sendList(request, reply, reads.organisations(apiUser(request)), request.query));

  list('/organisations/:id/plans', 'organisation', listSchema('Plans', 'The organisation\'s plans', Plan, 'The plans, in title order'),
    (_user, id, since) => reads.plans(id, since));

  one('/plans/:id', 'plan', oneSchema('Plans', 'A plan', Plan, 'The plan'), (_user, id) => reads.plan(id));

  list('/plans/:id/commitments', 'plan',
    listSchema('Commitments', 'The plan\'s commitments, with the RAG each stands at', Commitment, 'The commitments in the plan\'s order'),
    (user, id, since) => reads.commitments(user, id, since));

  one('/commitments/:id', 'commitment', oneSchema('Commitments', 'A commitment', Commitment, 'The commitment'),
    (user, id) => reads.commitment(user, id));

  list('/commitments/:id/milestones', 'commitment', listSchema('Milestones', 'The commitment\'s milestones', Milestone, 'The milestones in order'),
    (_user, id, since) => reads.milestones(id, since));

  one('/milestones/:id', 'milestone', oneSchema('Milestones', 'A milestone with its evidence and re-dating history', MilestoneDetail, 'The milestone',
    { description: 'Its ETag is the one to send in If-Match when changing the milestone or adding evidence to it.' }),
  (_user, id) => reads.milestone(id));

  list('/commitments/:id/kpis', 'commitment', listSchema('KPIs', 'The commitment\'s KPIs', Kpi, 'The KPIs in order'),
    (_user, id, since) => reads.kpis(id, since));

  one('/kpis/:id', 'kpi', oneSchema('KPIs', 'A KPI with its latest reading', KpiDetail, 'The KPI',
    { description: 'Its ETag is the one to send in If-Match when recording a reading.' }),
  (_user, id) => reads.kpi(id));

  list('/kpis/:id/readings', 'kpi', listSchema('KPIs', 'The KPI\'s readings, oldest first', Reading, 'The readings'),
    (_user, id, since) => reads.readings(id, since));

  list('/plans/:id/review-periods', 'plan', listSchema('Reviews', 'The plan\'s review periods, earliest first', ReviewPeriod, 'The review periods'),
    (user, id, since) => reads.reviewPeriods(user, id, since));

  list('/review-periods/:id/updates', 'review-period',
    listSchema('Reviews', 'The period\'s progress updates the token may see', Update, 'The updates, by commitment then version', { description: 'Exactly what the pages show the token\'s role: drafts to reviewers only; every version to members.' }),
    (user, id, since) => reads.periodUpdates(user, id, since));

  api.get('/review-periods/:id/commitments/:commitmentId/update', {
    config: rule({ kind: 'review-period', action: 'plan:read' }),
    schema: {
      tags: ['Reviews'], summary: 'A commitment\'s progress update in the period, where it stands, and the suggested RAG',
      description: 'Its ETag is the one to send in If-Match when saving or submitting the update.',
      params: UpdateParams, headers: ReadHeaders, response: readResponses(UpdateForm, 'The update'),
    },
  }, async (request, reply) => sendRead(request, reply, await reads.update(apiUser(request), request.params.id, request.params.commitmentId)));
}
