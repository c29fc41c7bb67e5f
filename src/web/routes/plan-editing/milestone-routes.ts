// Adding a milestone to a commitment by hand (plan owners, and the commitment's lead). A due date written as
// words goes through a check page showing what it was read as before it is saved.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { addMilestone } from '../../../services/plans.ts';
import { commitmentFor, isRefusal, refuse, type CommitmentInPlan } from './access.ts';
import { ID_PARAMS, formBody, pageErrors, text, type Form, type Problem } from './form-input.ts';
import { MILESTONE_FIELDS, emptyMilestoneValues, postedMilestoneValues, readMilestoneForm, type MilestoneFormValues } from './milestone-form.ts';

function renderForm(reply: FastifyReply, found: CommitmentInPlan, values: MilestoneFormValues, problems: Problem[] = []) {
  return reply.code(problems.length ? 400 : 200).view('pages/plan-editing/milestone-form.njk', {
    pageTitle: 'Add a milestone',
    ...found,
    values,
    ...pageErrors(problems),
  });
}

export async function milestoneRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/milestones/new',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      return renderForm(reply, found, emptyMilestoneValues());
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/milestones/new',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody(MILESTONE_FIELDS) } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      const values = postedMilestoneValues(request.body);
      const step = text(request.body, 'step');
      if (step === 'change') return renderForm(reply, found, values);
      const read = readMilestoneForm(values, found.plan);
      if ('problems' in read) return renderForm(reply, found, values, read.problems);
      if (read.reading && step !== 'save') {
        return reply.view('pages/plan-editing/milestone-check.njk', {
          pageTitle: 'Check the milestone',
          ...found,
          values,
          reading: read.reading,
        });
      }
      await addMilestone(db, found.commitment.id, read.milestone, request.user?.id ?? null);
      return reply.redirect(`/plans/${found.plan.id}`, 303);
    },
  );
}
