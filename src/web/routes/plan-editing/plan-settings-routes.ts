// Creating a plan by hand (/organisations/:orgId/plans/new) and changing its settings (/plans/:id/edit),
// including closing it. Both go through services/plans.ts, which records the audit event.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import type { PlanRecord } from '../../../domain/records.ts';
import { EditConflictError, contentVersion } from '../../../services/plan-service.ts';
import { conflictView, type ConflictView } from '../../conflict-view.ts';
import { loaded } from '../../plugins/access.ts';
import { idParam, idParams } from '../../validation.ts';
import { EDIT_PLAN, EDIT_REFUSAL } from './rules.ts';
import { formProblems, pageErrors, type Form, type Problem } from './form-input.ts';
import { periodsWouldChange } from '../../../services/review-period-generation.ts';
import { periodsConfirmPage } from './plan-periods-confirm.ts';
import { PLAN_FORM, monthOptions, newPlanValues, planValues, postedPlanValues, readPlanForm, statusesFor, type PlanFormValues } from './plan-form.ts';

const ORG_PARAMS = Type.Object({ orgId: idParam });

/** Creating a plan needs the right to edit the organisation's plans. */
const CREATE_PLAN = { kind: 'organisation', action: 'plan:edit', param: 'orgId', refusal: EDIT_REFUSAL } as const;

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

/** The settings form's frame when it changes an existing plan. */
function editingPlan(plan: Pick<PlanRecord, 'id' | 'title'>) {
  return { editing: true, action: `/plans/${plan.id}/edit`, backHref: `/plans/${plan.id}`, caption: plan.title };
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

export async function planSettingsRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { orgId: number } }>(
    '/organisations/:orgId/plans/new',
    { config: { access: CREATE_PLAN }, schema: { params: ORG_PARAMS } },
    async (request, reply) => {
      const organisation = loaded(request, 'organisation');
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
    { config: { access: CREATE_PLAN }, schema: { params: ORG_PARAMS, body: PLAN_FORM }, attachValidation: true },
    async (request, reply) => {
      const organisation = loaded(request, 'organisation');
      const values = postedPlanValues(request.body);
      const read = readPlanForm(values, false);
      const problems = formProblems(request, PLAN_FORM, 'problems' in read ? read.problems : []);
      if ('problems' in read || problems.length > 0) {
        return renderForm(reply, {
          editing: false,
          action: `/organisations/${organisation.id}/plans/new`,
          backHref: '/',
          caption: organisation.name,
          values,
          problems,
        });
      }
      const plan = await services.plans.create(organisation.id, read.settings, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/plans/:id/edit',
    { config: { access: EDIT_PLAN }, schema: { params: idParams } },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      return renderForm(reply, {
        ...editingPlan(plan),
        values: planValues(plan),
        readVersion: contentVersion(plan),
      });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/plans/:id/edit',
    { config: { access: EDIT_PLAN }, schema: { params: idParams, body: PLAN_FORM }, attachValidation: true },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const values = postedPlanValues(request.body);
      const readVersion = typeof request.body.version === 'string' ? request.body.version : undefined;
      const read = readPlanForm(values, true);
      const problems = formProblems(request, PLAN_FORM, 'problems' in read ? read.problems : []);
      if ('problems' in read || problems.length > 0) {
        return renderForm(reply, {
          ...editingPlan(plan),
          values,
          problems,
          readVersion,
        });
      }
      // A new cadence or financial-year start: first show which review periods would change, and save only once
      // that is confirmed. Periods with updates are never dropped or re-labelled (services/review-period-generation.ts).
      const recut = read.settings.reviewCadence !== plan.reviewCadence || read.settings.fyStartMonth !== plan.fyStartMonth;
      const change = recut ? await services.reviews.periodChange(plan, read.settings) : null;
      const periodsChange = change && periodsWouldChange(change) ? change : null;
      if (periodsChange && request.body.confirmPeriods !== 'yes') {
        if (request.body.confirmPeriods === 'back') {
          return renderForm(reply, { ...editingPlan(plan), values, readVersion });
        }
        return reply.view('pages/plan-editing/plan-periods-confirm.njk', periodsConfirmPage(plan, values, readVersion, periodsChange));
      }
      try {
        await services.plans.updateSettings(plan.id, read.settings, request.user?.id ?? null, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: theirs beside what was typed, which stays in the form.
        const theirs: Record<string, unknown> = { ...planValues(plan) };
        const typed: Record<string, unknown> = { ...values };
        const rows = Object.keys(PLAN_FIELD_LABELS)
          .filter((field) => shown(theirs[field]) !== shown(typed[field]))
          .map((field) => ({ label: PLAN_FIELD_LABELS[field]!, theirs: shown(theirs[field]), yours: shown(typed[field]) }));
        return renderForm(reply, {
          ...editingPlan(plan),
          values,
          readVersion: contentVersion(plan),
          conflict: await conflictView(services, 'plan', null, rows, { entity: 'plan', id: plan.id }),
        });
      }
      return reply.redirect(periodsChange ? `/plans/${plan.id}/reviews?notice=periods-changed` : `/plans/${plan.id}`, 303);
    },
  );
}
