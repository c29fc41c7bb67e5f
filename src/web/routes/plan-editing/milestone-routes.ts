// Adding a milestone to a commitment by hand (plan owners, and the commitment's lead). A due date written as
// words goes through a check page showing what it was read as before it is saved.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { LoadedResource } from '../../../services/resource-access.ts';
import { idParams } from '../../validation.ts';
import { EDIT_COMMITMENT } from './rules.ts';
import { formProblems, pageErrors, text, type Form, type Problem } from './form-input.ts';
import { MILESTONE_FORM, emptyMilestoneValues, postedMilestoneValues, readMilestoneForm, type MilestoneFormValues } from './milestone-form.ts';

function renderForm(reply: FastifyReply, found: LoadedResource, values: MilestoneFormValues, problems: Problem[] = []) {
  return reply.code(problems.length ? 400 : 200).view('pages/plan-editing/milestone-form.njk', {
    pageTitle: 'Add a milestone',
    plan: found.plan,
    commitment: found.commitment,
    values,
    ...pageErrors(problems),
  });
}

export async function milestoneRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number } }>(
    '/commitments/:id/milestones/new',
    { config: { access: EDIT_COMMITMENT }, schema: { params: idParams } },
    async (request, reply) => renderForm(reply, request.resource!, emptyMilestoneValues()),
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/milestones/new',
    { config: { access: EDIT_COMMITMENT }, schema: { params: idParams, body: MILESTONE_FORM }, attachValidation: true },
    async (request, reply) => {
      const found = request.resource!;
      const plan = found.plan!;
      const commitment = found.commitment!;
      const values = postedMilestoneValues(request.body);
      const step = text(request.body, 'step');
      if (step === 'change') return renderForm(reply, found, values);
      const read = readMilestoneForm(values, plan);
      const problems = formProblems(request, MILESTONE_FORM, 'problems' in read ? read.problems : []);
      if ('problems' in read || problems.length > 0) return renderForm(reply, found, values, problems);
      if (read.reading && step !== 'save') {
        return reply.view('pages/plan-editing/milestone-check.njk', {
          pageTitle: 'Check the milestone',
          plan,
          commitment,
          values,
          reading: read.reading,
        });
      }
      await services.plans.addMilestone(commitment.id, read.milestone, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );
}
