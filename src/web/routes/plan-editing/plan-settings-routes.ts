// Creating a plan by hand (/organisations/:orgId/plans/new) and changing its settings (/plans/:id/edit),
// including closing it. Both go through services/plans.ts, which records the audit event.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { createPlan, updatePlanSettings } from '../../../services/plans.ts';
import { EditConflictError, contentVersion } from '../../../services/edit-conflicts.ts';
import { conflictView, type ConflictView } from '../../conflict-view.ts';
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
  /** The plan's version when the form was first read (services/edit-conflicts.ts). */
  readVersion?: string;
  conflict?: ConflictView;
}

const PLAN_FIELD_LABELS: Record<string, string> = {
  title: 'Title', fyStartMonth: 'Financial year starts (month)', periodType: 'Plan period', fyYear: 'Financial year',
  periodFrom: 'Start date', periodTo: 'End date', reviewCadence: 'Review cadence', status: 'Status',
};

/** A form value as text: date parts as day/month/year. */
function shown(value: unknown): string {
  if (value && typeof value === 'object') return Object.values(value).filter((v) => v !== '' && v != null).join('/');
  return value == null ? '' : String(value);
}

function renderForm(reply: FastifyReply, page: FormPage) {
  const { problems = [], conflict, ...rest } = page;
  return reply.code(conflict ? 409 : problems.length ? 400 : 200).view('pages/plan-editing/plan-form.njk', {
    pageTitle: page.editing ? 'Change the plan’s settings' : 'Create a plan',
    ...rest,
    months: monthOptions(page.values.fyStartMonth),
    statuses: statusesFor(page.editing),
    ...pageErrors(problems),
    ...conflict,
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
        readVersion: contentVersion(plan),
      });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/plans/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody([...PLAN_FIELDS, 'version']) } },
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
          readVersion: request.body.version,
        });
      }
      try {
        await updatePlanSettings(db, plan.id, read.settings, request.user?.id ?? null, request.body.version);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: theirs beside what was typed, which stays in the form.
        const theirs: Record<string, unknown> = { ...planValues(plan) };
        const typed: Record<string, unknown> = { ...values };
        const rows = Object.keys(PLAN_FIELD_LABELS)
          .filter((field) => shown(theirs[field]) !== shown(typed[field]))
          .map((field) => ({ label: PLAN_FIELD_LABELS[field]!, theirs: shown(theirs[field]), yours: shown(typed[field]) }));
        return renderForm(reply, {
          editing: true,
          action: `/plans/${plan.id}/edit`,
          backHref: `/plans/${plan.id}`,
          caption: plan.title,
          values,
          readVersion: contentVersion(plan),
          conflict: await conflictView(db, 'plan', null, rows, { entity: 'plan', id: plan.id }),
        });
      }
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );
}
