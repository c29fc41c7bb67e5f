// Adding, changing and deleting a plan's commitments (plan owners and admins: 'plan:edit').
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { addCommitment, editCommitment, removeCommitment } from '../../../services/plans.ts';
import { listCommitments } from '../../../store/commitments-repository.ts';
import { listOrganisationMembers } from '../../../store/memberships-repository.ts';
import { listMilestones } from '../../../store/milestones-repository.ts';
import { listMonitoringItems } from '../../../store/monitoring-repository.ts';
import type { CommitmentRecord, PlanRecord } from '../../../store/records.ts';
import { commitmentFor, isRefusal, planFor, refuse } from './access.ts';
import {
  COMMITMENT_FIELDS,
  MAX_SUMMARY,
  commitmentValues,
  leadCandidates,
  leadOptions,
  postedCommitmentValues,
  readCommitmentForm,
  type CommitmentFormValues,
} from './commitment-form.ts';
import { ID_PARAMS, formBody, pageErrors, type Form, type Problem } from './form-input.ts';
import { EditConflictError, contentVersion } from '../../../services/edit-conflicts.ts';
import { conflictView, type ConflictView } from '../../conflict-view.ts';

export async function commitmentRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;

  async function renderForm(
    reply: FastifyReply,
    plan: PlanRecord,
    commitment: CommitmentRecord | null,
    values: CommitmentFormValues,
    problems: Problem[] = [],
    edit: { readVersion?: string; conflict?: ConflictView } = {},
  ) {
    const candidates = leadCandidates(await listOrganisationMembers(db, plan.organisationId), plan.organisationId, commitment?.leadUserId ?? null);
    const siblings = await listCommitments(db, plan.id);
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
      milestones: commitment ? await listMilestones(db, commitment.id) : [],
      monitoring: commitment ? await listMonitoringItems(db, commitment.id) : [],
      ...pageErrors(problems),
      readVersion: edit.readVersion ?? (commitment ? contentVersion(commitment) : undefined),
      ...edit.conflict,
    });
  }

  async function read(plan: PlanRecord, commitment: CommitmentRecord | null, values: CommitmentFormValues) {
    const candidates = leadCandidates(await listOrganisationMembers(db, plan.organisationId), plan.organisationId, commitment?.leadUserId ?? null);
    const taken = (await listCommitments(db, plan.id)).filter((c) => c.id !== commitment?.id).map((c) => c.number);
    return readCommitmentForm(values, candidates, taken, commitment !== null);
  }

  app.get<{ Params: { id: number } }>(
    '/plans/:id/commitments/new',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const plan = await planFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(plan)) return refuse(reply, plan);
      return renderForm(reply, plan, null, commitmentValues(null));
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/plans/:id/commitments/new',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody(COMMITMENT_FIELDS) } },
    async (request, reply) => {
      const plan = await planFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(plan)) return refuse(reply, plan);
      const values = postedCommitmentValues(request.body);
      const result = await read(plan, null, values);
      if ('problems' in result) return renderForm(reply, plan, null, values, result.problems);
      await addCommitment(db, plan.id, result.input, request.user?.id ?? null);
      return reply.redirect(`/plans/${plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(found)) return refuse(reply, found);
      return renderForm(reply, found.plan, found.commitment, commitmentValues(found.commitment));
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody([...COMMITMENT_FIELDS, 'version']) } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(found)) return refuse(reply, found);
      const values = postedCommitmentValues(request.body);
      const readVersion = request.body.version;
      const result = await read(found.plan, found.commitment, values);
      if ('problems' in result) return renderForm(reply, found.plan, found.commitment, values, result.problems, { readVersion });
      try {
        await editCommitment(db, found.commitment.id, result.input, request.user?.id ?? null, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: show theirs beside what was typed, which stays in the form.
        const theirs = found.commitment;
        const conflict = await conflictView(db, 'commitment', null, [
          { label: 'Title', theirs: theirs.title, yours: values.title ?? '' },
          { label: 'Summary', theirs: theirs.summary, yours: values.summary ?? '' },
        ], { entity: 'commitment', id: theirs.id });
        return renderForm(reply, found.plan, theirs, values, [], { readVersion: contentVersion(theirs), conflict });
      }
      return reply.redirect(`/plans/${found.plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/delete',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(found)) return refuse(reply, found);
      const [milestones, monitoring] = await Promise.all([listMilestones(db, found.commitment.id), listMonitoringItems(db, found.commitment.id)]);
      return reply.view('pages/plan-editing/commitment-delete.njk', {
        pageTitle: `Are you sure you want to delete commitment ${found.commitment.number}?`,
        ...found,
        milestoneCount: milestones.length,
        monitoringCount: monitoring.length,
      });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/delete',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody([]) } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'plan:edit');
      if (isRefusal(found)) return refuse(reply, found);
      await removeCommitment(db, found.commitment.id, request.user?.id ?? null);
      return reply.redirect(`/plans/${found.plan.id}`, 303);
    },
  );
}
