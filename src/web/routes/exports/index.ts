// Getting a plan out of the tracker: the export page (/plans/:id/export) lists every output, and
// /plans/:id/export/:format?period=…&entity=… downloads one. Both work with plain GET forms, so without
// JavaScript. Only members of the plan's organisation may export it; anyone else gets the same 404 as for a plan
// that does not exist. The JSON export's schema is documentation and is served to anyone.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { can, type CurrentUser } from '../../../services/accounts.ts';
import { listPlanReviewPeriods } from '../../../services/reviews.ts';
import { getPlanRecord } from '../../../store/plans-repository.ts';
import type { PlanRecord } from '../../../store/records.ts';
import { EXPORT_FORMATS, exportPlanFile } from '../../../export/export-plan-file.ts';
import { PLAN_JSON_SCHEMA } from '../../../export/plan-json-schema.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { today } from '../../today.ts';
import { ALL, ENTITY_OPTIONS, checkDownload, type DownloadQuery } from './export-choices.ts';

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
};

const downloadParams = {
  type: 'object',
  properties: { id: idParams.properties.id, format: { type: 'string', enum: [...EXPORT_FORMATS] } },
  required: ['id', 'format'],
};

const downloadQuery = {
  type: 'object',
  properties: { period: { type: 'string', maxLength: 100 }, entity: { type: 'string', maxLength: 100 } },
};

export const SCHEMA_PATH = '/plans/export/plan.schema.json';

function notFound(reply: FastifyReply) {
  return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
}

/** The plan, or undefined when there is none or the user is not a member of its organisation. */
async function readablePlan(deps: RouteDeps, user: CurrentUser | null | undefined, planId: number): Promise<PlanRecord | undefined> {
  const plan = await getPlanRecord(deps.store.db, planId);
  return plan && can(user, 'plan:read', plan.organisationId) ? plan : undefined;
}

interface PageState {
  period?: string;
  entity?: string;
  errors?: FieldError[];
}

function exportPage(reply: FastifyReply, plan: PlanRecord, periodLabels: readonly string[], state: PageState = {}) {
  return reply.view('pages/exports/show.njk', {
    pageTitle: `Download or export - ${plan.title}`,
    plan,
    planUrl: `/plans/${plan.id}`,
    periodItems: [ALL, ...periodLabels].map((value) => ({
      value,
      text: value === ALL ? 'All periods' : value,
      checked: value === (state.period ?? ALL),
    })),
    entityItems: [{ value: ALL, text: 'All files, as a zip' }, ...ENTITY_OPTIONS].map((o) => ({ ...o, selected: o.value === (state.entity ?? ALL) })),
    schemaPath: SCHEMA_PATH,
    ...errorView(state.errors ?? []),
  });
}

export async function exportRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store } = deps;

  app.get(SCHEMA_PATH, async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(PLAN_JSON_SCHEMA, null, 2)));

  app.get<{ Params: { id: number } }>(
    '/plans/:id/export',
    { preHandler: app.requireUser, schema: { params: idParams } },
    async (request, reply) => {
      const plan = await readablePlan(deps, request.user, request.params.id);
      if (!plan) return notFound(reply);
      const periods = await listPlanReviewPeriods(store.db, request.user!, plan.id);
      return exportPage(reply, plan, periods.map((p) => p.label));
    },
  );

  app.get<{ Params: { id: number; format: string }; Querystring: DownloadQuery }>(
    '/plans/:id/export/:format',
    { preHandler: app.requireUser, schema: { params: downloadParams, querystring: downloadQuery } },
    async (request, reply) => {
      const plan = await readablePlan(deps, request.user, request.params.id);
      if (!plan) return notFound(reply);
      const { format } = request.params;
      const periodLabels = (await listPlanReviewPeriods(store.db, request.user!, plan.id)).map((p) => p.label);
      const choice = checkDownload(format, request.query, periodLabels);
      if (!choice.ok) {
        reply.code(400);
        return exportPage(reply, plan, periodLabels, { ...request.query, errors: choice.errors });
      }
      const file = await exportPlanFile(store.db, plan.id, { format, period: choice.period, entity: choice.entity, today: today() });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
}
