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
import { EXPORT_FORMATS, exportAsAtOf, exportPlanFile } from '../../../export/export-plan-file.ts';
import { formatLong } from '../../../domain/dates/index.ts';
import { parseAsAt, type AsAt } from '../../../domain/as-at.ts';
import { userViewer } from '../../../services/update-visibility.ts';
import type { ReviewPeriodRecord } from '../../../services/reviews.ts';
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
  properties: { period: { type: 'string', maxLength: 100 }, entity: { type: 'string', maxLength: 100 }, asAt: { type: 'string', maxLength: 20 } },
};

const pageQuery = {
  type: 'object',
  properties: { asAt: { type: 'string', maxLength: 20 } },
};

const AS_AT_REASONS: Record<AsAt['reason'], string> = {
  chosen: 'the date you chose',
  today: 'today, while the plan runs',
  'plan-ended': 'the last day of the plan, which has ended',
  'latest-signed-off': 'the end of the latest signed-off review period, as the plan has ended',
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

/** The as-at date of the page's files: the one asked for (if a real date), else the default for the plan. */
function asAtOf(plan: PlanRecord, periods: readonly ReviewPeriodRecord[], asked: string | undefined): AsAt {
  const ref = { period: plan.period, reviewPeriods: periods.map((p) => ({ id: p.id, label: p.label, from: p.startsOn, to: p.endsOn, signedOff: p.status === 'signed-off' })) };
  return exportAsAtOf(ref, { today: today(), asAt: parseAsAt(asked) ?? undefined });
}

function asAtView(asAt: AsAt, periods: readonly ReviewPeriodRecord[], errors: FieldError[]) {
  const seen = new Set<string>();
  const options = [
    { value: asAt.date, text: `${formatLong(asAt.date)} (${AS_AT_REASONS[asAt.reason]})` },
    { value: today(), text: `Today, ${formatLong(today())}` },
    ...periods.map((p) => ({ value: p.endsOn, text: `End of ${p.label}, ${formatLong(p.endsOn)}${p.status === 'signed-off' ? ' (signed off)' : ''}` })),
  ].filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
  return {
    asAt: asAt.date,
    asAtText: formatLong(asAt.date),
    asAtReason: AS_AT_REASONS[asAt.reason],
    // A chosen date travels with every download; the default is worked out again when the file is made.
    asAtQuery: asAt.reason === 'chosen' ? `?asAt=${asAt.date}` : '',
    asAtChosen: asAt.reason === 'chosen',
    asAtItems: options.map((o) => ({ ...o, selected: o.value === asAt.date })),
    asAtError: errors.find((e) => e.field === 'asAt') ? { text: errors.find((e) => e.field === 'asAt')?.message } : undefined,
  };
}

function exportPage(reply: FastifyReply, plan: PlanRecord, periods: readonly ReviewPeriodRecord[], state: PageState & { asAt?: string } = {}) {
  const periodLabels = periods.map((p) => p.label);
  const asked = state.asAt?.trim();
  const errors = [...(state.errors ?? [])];
  if (asked && !parseAsAt(asked)) errors.push({ field: 'asAt', message: 'Select a report date from the list' });
  return reply.view('pages/exports/show.njk', {
    pageTitle: `Download or export - ${plan.title}`,
    plan,
    planUrl: `/plans/${plan.id}`,
    ...asAtView(asAtOf(plan, periods, asked), periods, errors),
    periodItems: [ALL, ...periodLabels].map((value) => ({
      value,
      text: value === ALL ? 'All periods' : value,
      checked: value === (state.period ?? ALL),
    })),
    entityItems: [{ value: ALL, text: 'All files, as a zip' }, ...ENTITY_OPTIONS].map((o) => ({ ...o, selected: o.value === (state.entity ?? ALL) })),
    schemaPath: SCHEMA_PATH,
    ...errorView(errors),
  });
}

export async function exportRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store } = deps;

  app.get(SCHEMA_PATH, async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(PLAN_JSON_SCHEMA, null, 2)));

  app.get<{ Params: { id: number }; Querystring: { asAt?: string } }>(
    '/plans/:id/export',
    { preHandler: app.requireUser, schema: { params: idParams, querystring: pageQuery } },
    async (request, reply) => {
      const plan = await readablePlan(deps, request.user, request.params.id);
      if (!plan) return notFound(reply);
      const periods = await listPlanReviewPeriods(store.db, request.user!, plan.id);
      const asked = request.query.asAt?.trim();
      if (asked && !parseAsAt(asked)) reply.code(400);
      return exportPage(reply, plan, periods, { asAt: asked });
    },
  );

  app.get<{ Params: { id: number; format: string }; Querystring: DownloadQuery }>(
    '/plans/:id/export/:format',
    { preHandler: app.requireUser, schema: { params: downloadParams, querystring: downloadQuery } },
    async (request, reply) => {
      const plan = await readablePlan(deps, request.user, request.params.id);
      if (!plan) return notFound(reply);
      const { format } = request.params;
      const periods = await listPlanReviewPeriods(store.db, request.user!, plan.id);
      const choice = checkDownload(format, request.query, periods.map((p) => p.label));
      const asked = request.query.asAt?.trim();
      const asAt = asked ? parseAsAt(asked) : undefined;
      if (!choice.ok || asAt === null) {
        reply.code(400);
        return exportPage(reply, plan, periods, { ...request.query, errors: choice.ok ? [] : choice.errors });
      }
      const file = await exportPlanFile(store.db, plan.id, {
        format,
        period: choice.period,
        entity: choice.entity,
        today: today(),
        asAt,
        viewer: userViewer(request.user),
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-as-at', file.asAt.date)
        .send(file.bytes);
    },
  );
}
