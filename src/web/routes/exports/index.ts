// Getting a plan out of the tracker: the export page (/plans/:id/export) lists every output, and
// /plans/:id/export/:format?period=…&entity=… downloads one. Both work with plain GET forms, so without
// JavaScript. Only members of the plan's organisation may export it (the routes' access rule, plan:read); anyone
// else gets the same 404 as for a plan that does not exist. The JSON export's schema is documentation and is served
// to anyone. The files are as at today on the services' clock unless a report date is chosen.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import type { PlanRecord } from '../../../domain/records.ts';
import type { IsoDate } from '../../../domain/types.ts';
import { EXPORT_FORMATS } from '../../../export/export-formats.ts';
import { formatLong } from '../../../domain/dates/index.ts';
import { parseAsAt, type AsAt } from '../../../domain/as-at.ts';
import type { ExportChoices } from '../../../services/export-service.ts';
import { PLAN_JSON_SCHEMA } from '../../../export/plan-json-schema.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { idParam, idParams } from '../../validation.ts';
import { ALL, ENTITY_OPTIONS, checkDownload, type DownloadQuery } from './export-choices.ts';

const downloadParams = Type.Object({ id: idParam, format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))) });

const downloadQuery = Type.Object({
  period: Type.Optional(Type.String({ maxLength: 100 })),
  entity: Type.Optional(Type.String({ maxLength: 100 })),
  asAt: Type.Optional(Type.String({ maxLength: 20 })),
});

const pageQuery = Type.Object({ asAt: Type.Optional(Type.String({ maxLength: 20 })) });

const AS_AT_REASONS: Record<AsAt['reason'], string> = {
  chosen: 'the date you chose',
  today: 'today, while the plan runs',
  'plan-ended': 'the last day of the plan, which has ended',
  'latest-signed-off': 'the end of the latest signed-off review period, as the plan has ended',
};

export const SCHEMA_PATH = '/plans/export/plan.schema.json';

/** The plan the route's access rule loaded (it answered 404 for a missing plan or one of another organisation). */
function loadedPlan(request: FastifyRequest): PlanRecord {
  const plan = request.resource?.plan;
  if (!plan) throw new Error('the access rule did not load the plan');
  return plan;
}

/** A report date asked for in the query: undefined when none, null when it is not a real date. */
function askedAsAt(asked: string | undefined): IsoDate | null | undefined {
  const text = asked?.trim();
  return text ? parseAsAt(text) : undefined;
}

interface PageState {
  period?: string;
  entity?: string;
  errors?: FieldError[];
}

function asAtView({ asAt, today, periods }: ExportChoices, errors: FieldError[]) {
  const seen = new Set<string>();
  const options = [
    { value: asAt.date, text: `${formatLong(asAt.date)} (${AS_AT_REASONS[asAt.reason]})` },
    { value: today, text: `Today, ${formatLong(today)}` },
    ...periods.map((p) => ({ value: p.to, text: `End of ${p.label}, ${formatLong(p.to)}${p.signedOff ? ' (signed off)' : ''}` })),
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

function exportPage(reply: FastifyReply, plan: PlanRecord, choices: ExportChoices, state: PageState & { asAtWrong?: boolean } = {}) {
  const periodLabels = choices.periods.map((p) => p.label);
  const errors = [...(state.errors ?? [])];
  if (state.asAtWrong) errors.push({ field: 'asAt', message: 'Select a report date from the list' });
  return reply.view('pages/exports/show.njk', {
    pageTitle: `Download or export - ${plan.title}`,
    plan,
    planUrl: `/plans/${plan.id}`,
    ...asAtView(choices, errors),
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

export async function exportRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get(SCHEMA_PATH, { config: { access: { public: 'the JSON export schema is documentation' } } }, async (_request, reply) =>
    reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(PLAN_JSON_SCHEMA, null, 2)),
  );

  app.get<{ Params: { id: number }; Querystring: { asAt?: string } }>(
    '/plans/:id/export',
    { config: { access: { kind: 'plan', action: 'plan:read' } }, schema: { params: idParams, querystring: pageQuery } },
    async (request, reply) => {
      const plan = loadedPlan(request);
      const asAt = askedAsAt(request.query.asAt);
      if (asAt === null) reply.code(400);
      return exportPage(reply, plan, await services.exports.choices(plan, asAt ?? undefined), { asAtWrong: asAt === null });
    },
  );

  app.get<{ Params: { id: number; format: string }; Querystring: DownloadQuery }>(
    '/plans/:id/export/:format',
    { config: { access: { kind: 'plan', action: 'plan:read' } }, schema: { params: downloadParams, querystring: downloadQuery } },
    async (request, reply) => {
      const plan = loadedPlan(request);
      const { format } = request.params;
      const asAt = askedAsAt(request.query.asAt);
      const choices = await services.exports.choices(plan, asAt ?? undefined);
      const choice = checkDownload(format, request.query, choices.periods.map((p) => p.label));
      if (!choice.ok || asAt === null) {
        reply.code(400);
        return exportPage(reply, plan, choices, { ...request.query, errors: choice.ok ? [] : choice.errors, asAtWrong: asAt === null });
      }
      const file = await services.exports.fileForUser(request.user!, plan.id, { format, period: choice.period, entity: choice.entity, asAt });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-as-at', file.asAt.date)
        .send(file.bytes);
    },
  );
}
