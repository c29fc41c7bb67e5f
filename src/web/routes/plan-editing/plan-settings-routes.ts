// Creating a plan by hand (/organisations/:orgId/plans/new) and changing its settings (/plans/:id/edit),
// including closing it. Both go through services/plans.ts, which records the audit event.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { createPlan, updatePlanSettings } from '../../../services/plans.ts';
import { getOrganisation } from '../../../store/organisations-repository.ts';
import { check, isRefusal, planFor, refuse } from './access.ts';
import { ID_PARAMS, formBody, pageErrors, type Form, type Problem } from './form-input.ts';
import { PLAN_FIELDS, monthOptions, newPlanValues, planValues, postedPlanValues, readPlanForm, statusesFor, type PlanFormValues } from './plan-form.ts';

const ORG_PARAMS = {
  type: 'object',
  properties: { orgId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['orgId'],
} as const;

interface FormPage {
  editing: boolean;
  action: string;
  backHref: string;
  caption: string;
  values: PlanFormValues;
  problems?: Problem[];
}

function renderForm(reply: FastifyReply, page: FormPage) {
  const { problems = [], ...rest } = page;
  return reply.code(problems.length ? 400 : 200).view('pages/plan-editing/plan-form.njk', {
    pageTitle: page.editing ? 'Change the plan’s settings' : 'Create a plan',
    ...rest,
    months: monthOptions(page.values.fyStartMonth),
    statuses: statusesFor(page.editing),
    ...pageErrors(problems),
  });
}

export async function planSettingsRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;

  async function organisationFor(orgId: number, user: Parameters<typeof check>[0]) {
    const organisation = await getOrganisation(db, orgId);
    if (!organisation) return { refused: 404 as const };
    return check(user, 'plan:edit', orgId) ?? organisation;
  }

  app.get<{ Params: { orgId: number } }>(
    '/organisations/:orgId/plans/new',
    { preHandler: app.requireUser, schema: { params: ORG_PARAMS } },
    async (request, reply) => {
      const organisation = await organisationFor(request.params.orgId, request.user);
      if (isRefusal(organisation)) return refuse(reply, organisation);
      return renderForm(reply, {
        editing: false,
        action: `/organisations/${organisation.id}/plans/new`,
        backHref: '/',
        caption: organisation.name,
        values: newPlanValues(),
      });
    },
  );

  app.post<{ Params: { orgId: number }; Body: Form }>(
    '/organisations/:orgId/plans/new',
    { preHandler: app.requireUser, schema: { params: ORG_PARAMS, body: formBody(PLAN_FIELDS) } },
    async (request, reply) => {
      const organisation = await organisationFor(request.params.orgId, request.user);
      if (isRefusal(organisation)) return refuse(reply, organisation);
      const values = postedPlanValues(request.body);
      const read = readPlanForm(values, false);
      if ('problems' in read) {
        return renderForm(reply, {
          editing: false,
          action: `/organisations/${organisation.id}/plans/new`,
          backHref: '/',
          caption: organisation.name,
          values,
          problems: read.problems,
        });
      }
      const plan = await createPlan(db, organisation.id, read.settings, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/plans/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const plan = await planFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(plan)) return refuse(reply, plan);
      return renderForm(reply, {
        editing: true,
        action: `/plans/${plan.id}/edit`,
        backHref: `/plans/${plan.id}`,
        caption: plan.title,
        values: planValues(plan),
      });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/plans/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody(PLAN_FIELDS) } },
    async (request, reply) => {
      const plan = await planFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(plan)) return refuse(reply, plan);
      const values = postedPlanValues(request.body);
      const read = readPlanForm(values, true);
      if ('problems' in read) {
        return renderForm(reply, {
          editing: true,
          action: `/plans/${plan.id}/edit`,
          backHref: `/plans/${plan.id}`,
          caption: plan.title,
          values,
          problems: read.problems,
        });
      }
      await updatePlanSettings(db, plan.id, read.settings, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );
}
