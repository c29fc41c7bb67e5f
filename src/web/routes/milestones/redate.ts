// Re-dating a milestone: a new due date (date boxes or words) and a mandatory reason. The baseline stays as
// first agreed and every re-date is kept, shown here as the milestone's history.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import type { Services } from '../../../services/index.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { idParams } from '../../validation.ts';
import type { Fields } from '../../date-input.ts';
import { commitmentUrl, EDIT_REFUSAL } from '../commitments/urls.ts';
import { loadedMilestone } from '../commitments/loaded.ts';
import { allProblems } from '../commitments/form-problems.ts';
import { formatDue, readDueEntry } from './due-entry.ts';
import { redateForm } from './schemas.ts';

async function page(services: Services, request: FastifyRequest, values: Fields, extra: object = {}) {
  const { milestone, commitment } = loadedMilestone(request);
  const history = await services.tracking.redateHistory(milestone.id);
  return {
    pageTitle: 'Re-date milestone',
    milestone,
    commitment,
    currentDue: formatDue(milestone.due),
    baselineDue: formatDue(milestone.baseline),
    history: history.map(({ redate: r, by }) => ({
      label: `${formatDue(r.oldDue)} → ${formatDue(r.newDue)}`,
      reason: r.reason,
      by,
      at: r.changedAt,
      date: r.changedAt.slice(0, 10),
    })),
    backHref: commitmentUrl(commitment.id, undefined, `milestone-${milestone.id}`),
    values,
    reasonMax: FIELD_LIMITS.paragraph,
    ...extra,
  };
}

export async function redateMilestoneRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const access = { kind: 'milestone', action: 'commitment:edit', refusal: EDIT_REFUSAL } as const;

  app.get<{ Params: { id: number } }>('/milestones/:id/redate', { config: { access }, schema: { params: idParams } }, async (request, reply) => {
    return reply.view('pages/milestones/redate.njk', await page(services, request, {}));
  });

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/milestones/:id/redate',
    { config: { access }, attachValidation: true, schema: { params: idParams, body: redateForm } },
    async (request, reply) => {
      const { milestone, plan } = loadedMilestone(request);
      const values = request.body ?? {};
      const reason = (values.reason ?? '').trim();
      const own: FieldError[] = [];
      const due = readDueEntry(values, plan, 'New due date');
      if (due.kind === 'error') own.push(...due.errors);
      if (due.kind === 'empty') own.push({ field: 'due-day', message: 'Enter the new due date' });
      if (due.kind === 'due' && milestone.due && due.due.from === milestone.due.from && due.due.to === milestone.due.to) {
        own.push({ field: 'due-day', message: `The new due date must be different from the current one (${formatDue(milestone.due)})` });
      }
      if (!reason) own.push({ field: 'reason', message: 'Enter why the milestone is being re-dated' });
      const errors = allProblems(request, redateForm, own);
      if (errors.length > 0) {
        return reply.code(400).view('pages/milestones/redate.njk', await page(services, request, values, errorView(errors)));
      }
      if (due.kind === 'check') {
        return reply.view('pages/milestones/redate.njk', await page(services, request, { ...values, phraseChecked: due.phrase }, { check: due }));
      }
      if (due.kind !== 'due') throw new Error('unreachable: a due date was required');
      await services.tracking.redateMilestone(request.user, milestone.id, due.due, reason);
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-redated', `milestone-${milestone.id}`), 303);
    },
  );
}
