// Monitoring items by hand: add to a commitment, change, delete after confirming (plan owners, and the
// commitment's lead).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { addMonitoringItem, editMonitoringItem, removeMonitoringItem } from '../../../services/plans.ts';
import type { MonitoringItemRecord } from '../../../store/records.ts';
import { commitmentFor, isRefusal, monitoringItemFor, refuse, type CommitmentInPlan } from './access.ts';
import { ID_PARAMS, formBody, longText, pageErrors, type Form, type Problem } from './form-input.ts';

const MAX_TEXT = 2000;

function readText(form: Form | undefined): { text: string; problems: Problem[] } {
  const text = longText(form, 'text');
  const problems: Problem[] = [];
  if (text === '') problems.push({ field: 'text', message: 'Enter how progress will be monitored' });
  else if (text.length > MAX_TEXT) problems.push({ field: 'text', message: `Monitoring item must be ${MAX_TEXT} characters or fewer` });
  return { text, problems };
}

function renderForm(reply: FastifyReply, found: CommitmentInPlan, item: MonitoringItemRecord | null, text: string, problems: Problem[] = []) {
  return reply.code(problems.length ? 400 : 200).view('pages/plan-editing/monitoring-form.njk', {
    pageTitle: item ? 'Change the monitoring item' : 'Add a monitoring item',
    ...found,
    item,
    text,
    maxText: MAX_TEXT,
    action: item ? `/monitoring/${item.id}/edit` : `/commitments/${found.commitment.id}/monitoring/new`,
    ...pageErrors(problems),
  });
}

export async function monitoringRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;
  const userId = (request: { user: { id: number } | null }) => request.user?.id ?? null;

  app.get<{ Params: { id: number } }>(
    '/commitments/:id/monitoring/new',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      return renderForm(reply, found, null, '');
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/commitments/:id/monitoring/new',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody(['text']) } },
    async (request, reply) => {
      const found = await commitmentFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      const { text, problems } = readText(request.body);
      if (problems.length) return renderForm(reply, found, null, text, problems);
      await addMonitoringItem(db, found.commitment.id, text, userId(request));
      return reply.redirect(`/plans/${found.plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/monitoring/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const found = await monitoringItemFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      return renderForm(reply, found, found.item, found.item.text);
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/monitoring/:id/edit',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody(['text']) } },
    async (request, reply) => {
      const found = await monitoringItemFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      const { text, problems } = readText(request.body);
      if (problems.length) return renderForm(reply, found, found.item, text, problems);
      await editMonitoringItem(db, found.item.id, text, userId(request));
      return reply.redirect(`/plans/${found.plan.id}`, 303);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/monitoring/:id/delete',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS } },
    async (request, reply) => {
      const found = await monitoringItemFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      return reply.view('pages/plan-editing/monitoring-delete.njk', { pageTitle: 'Are you sure you want to delete this monitoring item?', ...found });
    },
  );

  app.post<{ Params: { id: number }; Body: Form }>(
    '/monitoring/:id/delete',
    { preHandler: app.requireUser, schema: { params: ID_PARAMS, body: formBody([]) } },
    async (request, reply) => {
      const found = await monitoringItemFor(db, request.user, request.params.id, 'commitment:edit');
      if (isRefusal(found)) return refuse(reply, found);
      await removeMonitoringItem(db, found.item.id, userId(request));
      return reply.redirect(`/plans/${found.plan.id}`, 303);
    },
  );
}
