// Adding, changing and deleting a plan's commitments (plan owners and admins: 'plan:edit').
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { CommitmentRecord, PlanRecord } from '../../../domain/records.ts';
import { EditConflictError, contentVersion } from '../../../services/plan-service.ts';
import { conflictView, type ConflictView } from '../../conflict-view.ts';
import { formSchema, idParams } from '../../validation.ts';
import { EDIT_COMMITMENT_AS_OWNER, EDIT_PLAN } from './rules.ts';
import {
  COMMITMENT_FORM,
  MAX_SUMMARY,
  commitmentValues,
  leadCandidates,
  leadOptions,
  postedCommitmentValues,
  readCommitmentForm,
  type CommitmentFormValues,
} from './commitment-form.ts';
import { formProblems, pageErrors, text, type Form, type Problem } from './form-input.ts';

const DELETE_FORM = formSchema({});

export async function commitmentRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const { plans } = services;

  async function renderForm(
    reply: FastifyReply,
    plan: PlanRecord,
    commitment: CommitmentRecord | null,
    values: CommitmentFormValues,
    problems: Problem[] = [],
    edit: { readVersion?: string; conflict?: ConflictView } = {},
  ) {
    const candidates = leadCandidates(await plans.members(plan.organisationId), plan.organisationId, commitment?.leadUserId ?? null);
    const siblings = await plans.commitments(plan.id);
    const nextNumber = Math.max(0, ...siblings.map((c) => c.number)) + 1;
    return reply.code(edit.conflict ? 409 : problems.length ? 400 : 200).view('pages/plan-editing/commitment-form.njk', {
      pageTitle: commitment ? `Change commitment ${commitment.number}` : 'Add a commitment',
      plan,
      commitment,
      nextNumber,
      values,
      maxSummary: MAX_SUMMARY,
      leads: leadOptions(candidates, values.leadUserId),
      action: commitment ? `/commitments/${commitment.id}/edit` : `/plans/${plan.id}/commitments/new`,
      milestones: commitment ? await plans.milestones(commitment.id) : [],
      monitoring: commitment ? await plans.monitoringItems(commitment.id) : [],
      ...pageErrors(problems),
      readVersion: edit.readVersion ?? (commitment ? contentVersion(commitment) : undefined),
      ...edit.conflict,
    });
  }

  async function read(plan: PlanRecord, commitment: CommitmentRecord | null, values: CommitmentFormValues) {
    const candidates = leadCandidates(await plans.members(plan.organisationId), plan.organisationId, commitment?.leadUserId ?? null);
    const taken = (await plans.commitments(plan.id)).filter((c) => c.id !== commitment?.id).map((c) => c.number);
    return readCommitmentForm(values, candidates, taken, commitment !== null);
  }

  /** The posted form read against the plan: the commitment's input, or null with every problem (the schema's in form order). */
  async function readPosted(request: FastifyRequest<{ Body: Form }>, plan: PlanRecord, commitment: CommitmentRecord | null) {
    const values = postedCommitmentValues(request.body);
    const result = await read(plan, commitment, values);
    const problems = formProblems(request, COMMITMENT_FORM, 'problems' in result ? result.problems : []);
    return { values, problems, input: 'problems' in result || problems.length > 0 ? null : result.input };
  }

  app.get<{ Params: { id: number } }>(
    '/plans/:id/commitments/new',
    { config: { access: EDIT_PLAN }, schema: { params: idParams } },
    async (request, reply) => renderForm(reply, request.resource!.plan!, null, commitmentValues(null)),
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/plans/:id/commitments/new',
    { config: { access: EDIT_PLAN }, schema: { params: idParams, body: COMMITMENT_FORM }, attachValidation: true },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const { values, problems, input } = await readPosted(request, plan, null);
      if (!input) return renderForm(reply, plan, null, values, problems);
      await plans.addCommitment(plan.id, input, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/edit',
    { config: { access: EDIT_COMMITMENT_AS_OWNER }, schema: { params: idParams } },
    async (request, reply) => {
      const { plan, commitment } = request.resource!;
      return renderForm(reply, plan!, commitment!, commitmentValues(commitment!));
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/edit',
    { config: { access: EDIT_COMMITMENT_AS_OWNER }, schema: { params: idParams, body: COMMITMENT_FORM }, attachValidation: true },
    async (request, reply) => {
      const plan = request.resource!.plan!;
      const commitment = request.resource!.commitment!;
      const readVersion = text(request.body, 'version') || undefined;
      const { values, problems, input } = await readPosted(request, plan, commitment);
      if (!input) return renderForm(reply, plan, commitment, values, problems, { readVersion });
      try {
        await plans.editCommitment(commitment.id, input, request.user?.id ?? null, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: show theirs beside what was typed, which stays in the form.
        const conflict = await conflictView(services, 'commitment', null, [
          { label: 'Title', theirs: commitment.title, yours: values.title ?? '' },
          { label: 'Summary', theirs: commitment.summary, yours: values.summary ?? '' },
        ], { entity: 'commitment', id: commitment.id });
        return renderForm(reply, plan, commitment, values, [], { readVersion: contentVersion(commitment), conflict });
      }
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/delete',
    { config: { access: EDIT_COMMITMENT_AS_OWNER }, schema: { params: idParams } },
    async (request, reply) => {
      const { plan, commitment } = request.resource!;
      const [milestones, monitoring] = await Promise.all([plans.milestones(commitment!.id), plans.monitoringItems(commitment!.id)]);
      return reply.view('pages/plan-editing/commitment-delete.njk', {
        pageTitle: `Are you sure you want to delete commitment ${commitment!.number}?`,
        plan,
        commitment,
        milestoneCount: milestones.length,
        monitoringCount: monitoring.length,
      });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/delete',
    { config: { access: EDIT_COMMITMENT_AS_OWNER }, schema: { params: idParams, body: DELETE_FORM } },
    async (request, reply) => {
      const { plan, commitment } = request.resource!;
      await plans.removeCommitment(commitment!.id, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan!.id}`, 303);
    },
  );
}
