// Marking a milestone as done: the date it was done (today unless changed) and, optionally, evidence — a note,
// a link or an uploaded file. The form is multipart so that it works without JavaScript.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { setMilestoneStatus } from '../../../services/plans.ts';
import { addEvidenceWithFile, ALLOWED_EXTENSIONS_TEXT } from '../../../services/evidence-files.ts';
import { commitmentUrl, idParams } from '../commitments/access.ts';
import { acceptEvidenceUploads, formFields, formFile } from '../evidence/multipart-form.ts';
import { readEvidenceEntry } from '../evidence/evidence-form.ts';
import { checkBeforeBody } from '../check-before-body.ts';
import { editableMilestone, type MilestoneAccess } from './milestone-access.ts';
import { formatDue } from './due-entry.ts';
import { partsOf, readDateInput, todayIso, type Fields } from './date-input.ts';

function page(access: MilestoneAccess, values: Fields, extra: object = {}) {
  const { milestone, commitment } = access;
  return {
    pageTitle: 'Mark milestone as done',
    milestone,
    commitment,
    currentDue: formatDue(milestone.due),
    backHref: commitmentUrl(commitment.id, undefined, `milestone-${milestone.id}`),
    allowedTypes: ALLOWED_EXTENSIONS_TEXT,
    values,
    ...extra,
  };
}

export async function doneMilestoneRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  await acceptEvidenceUploads(app);

  app.get<{ Params: { id: number } }>(
    '/milestones/:id/done',
    { preHandler: app.requireUser, schema: { params: idParams } },
    async (request, reply) => {
      const access = await editableMilestone(store.db, request, reply);
      if (!access) return reply;
      const today = partsOf(access.milestone.doneOn ?? todayIso());
      return reply.view('pages/milestones/done.njk', page(access, { 'doneOn-day': today.day, 'doneOn-month': today.month, 'doneOn-year': today.year }));
    },
  );

  // Who may mark it done is checked before the upload is read (onRequest), and again with the parsed parameters.
  const mayEdit = checkBeforeBody((request, reply) => editableMilestone(store.db, request as FastifyRequest<{ Params: { id: number } }>, reply));

  app.post<{ Params: { id: number } }>(
    '/milestones/:id/done',
    { onRequest: [app.requireUser, mayEdit], preHandler: app.requireUser, schema: { params: idParams } },
    async (request, reply) => {
      const access = await editableMilestone(store.db, request, reply);
      if (!access) return reply;
      const { milestone } = access;
      const values = formFields(request);
      const errors: FieldError[] = [];
      const doneOn = readDateInput(values, 'doneOn', 'Date done');
      if (doneOn.kind === 'empty') errors.push({ field: 'doneOn-day', message: 'Enter the date the milestone was done' });
      if (doneOn.kind === 'error') errors.push(doneOn.error);
      if (doneOn.kind === 'date' && doneOn.iso > todayIso()) errors.push({ field: 'doneOn-day', message: 'Date done must be today or in the past' });
      const evidence = readEvidenceEntry(values, await formFile(request, 'evidenceFile'), false);
      errors.push(...evidence.errors);
      if (errors.length > 0 || doneOn.kind !== 'date') {
        return reply.code(400).view('pages/milestones/done.njk', page(access, values, errorView(errors)));
      }
      const userId = request.user?.id ?? null;
      if (evidence.entry) {
        await addEvidenceWithFile(store.db, config.dataDir, { milestoneId: milestone.id }, { date: doneOn.iso, ...evidence.entry }, userId);
      }
      await setMilestoneStatus(store.db, milestone.id, 'done', userId, doneOn.iso);
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-done', `milestone-${milestone.id}`), 303);
    },
  );
}
