// Monitoring items by hand: add to a commitment, change, delete after confirming (plan owners, and the
// commitment's lead).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { MonitoringItemRecord } from '../../../domain/records.ts';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import type { LoadedResource } from '../../../services/resource-access.ts';
import type { AccessRule } from '../../plugins/access.ts';
import { formSchema, idParams, textField } from '../../validation.ts';
import { EDIT_COMMITMENT, EDIT_MONITORING_ITEM } from './rules.ts';
import { formProblems, longText, pageErrors, type Form, type Problem } from './form-input.ts';

/** Added or changed, a monitoring item has the same limit. */
const MONITORING_FORM = formSchema({ text: textField('Monitoring item', 'paragraph') });
const DELETE_FORM = formSchema({});

function readText(request: FastifyRequest<{ Body: Form }>): { text: string; problems: Problem[] } {
  const text = longText(request.body, 'text');
  const own: Problem[] = text === '' ? [{ field: 'text', message: 'Enter how progress will be monitored' }] : [];
  return { text, problems: formProblems(request, MONITORING_FORM, own) };
}

function renderForm(reply: FastifyReply, found: LoadedResource, item: MonitoringItemRecord | null, text: string, problems: Problem[] = []) {
  return reply.code(problems.length ? 400 : 200).view('pages/plan-editing/monitoring-form.njk', {
    pageTitle: item ? 'Change the monitoring item' : 'Add a monitoring item',
    plan: found.plan,
    commitment: found.commitment,
    item,
    text,
    maxText: FIELD_LIMITS.paragraph,
    action: item ? `/monitoring/${item.id}/edit` : `/commitments/${found.commitment!.id}/monitoring/new`,
    ...pageErrors(problems),
  });
}

export async function monitoringRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const userId = (request: { user: { id: number } | null }) => request.user?.id ?? null;

  /** The posted form, adding an item or changing `itemOf(found)`: shown again with its problems, else saved. */
  function postForm(
    path: string, access: AccessRule, itemOf: (found: LoadedResource) => MonitoringItemRecord | null,
    save: (found: LoadedResource, text: string, by: number | null) => Promise<unknown>,
  ) {
    app.post<{ Params: { id: number }; Body: Form }>(
      path,
      { config: { access }, schema: { params: idParams, body: MONITORING_FORM }, attachValidation: true },
      async (request, reply) => {
        const found = request.resource!;
        const { text, problems } = readText(request);
        if (problems.length) return renderForm(reply, found, itemOf(found), text, problems);
        await save(found, text, userId(request));
        return reply.redirect(`/plans/${found.plan!.id}`, 303);
      },
    );
  }

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/monitoring/new',
    { config: { access: EDIT_COMMITMENT }, schema: { params: idParams } },
    async (request, reply) => renderForm(reply, request.resource!, null, ''),
  );

  postForm('/commitments/:id/monitoring/new', EDIT_COMMITMENT, () => null,
    (found, text, by) => services.plans.addMonitoringItem(found.commitment!.id, text, by));

  app.get<{ Params: { id: number } }>(
    '/monitoring/:id/edit',
    { config: { access: EDIT_MONITORING_ITEM }, schema: { params: idParams } },
    async (request, reply) => {
      const found = request.resource!;
      return renderForm(reply, found, found.item!, found.item!.text);
    },
  );

  postForm('/monitoring/:id/edit', EDIT_MONITORING_ITEM, (found) => found.item!,
    (found, text, by) => services.plans.editMonitoringItem(found.item!.id, text, by));

  app.get<{ Params: { id: number } }>(
    '/monitoring/:id/delete',
    { config: { access: EDIT_MONITORING_ITEM }, schema: { params: idParams } },
    async (request, reply) => {
      const { plan, commitment, item } = request.resource!;
      return reply.view('pages/plan-editing/monitoring-delete.njk', { pageTitle: 'Are you sure you want to delete this monitoring item?', plan, commitment, item });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/monitoring/:id/delete',
    { config: { access: EDIT_MONITORING_ITEM }, schema: { params: idParams, body: DELETE_FORM } },
    async (request, reply) => {
      const { plan, item } = request.resource!;
      await services.plans.removeMonitoringItem(item!.id, userId(request));
      return reply.redirect(`/plans/${plan!.id}`, 303);
    },
  );
}
