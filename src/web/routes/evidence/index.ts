// Evidence: adding a note, link or file to a monitoring item or a milestone, and downloading a stored file —
// only by signed-in members of the organisation, always as an attachment under the name it was uploaded with.
// Who may add or download is the routes' access rules, checked before an upload is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { ALLOWED_EXTENSIONS_TEXT, type EvidenceTarget } from '../../../services/tracking-service.ts';
import type { ResourceKind } from '../../../services/resource-access.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { idParams } from '../../validation.ts';
import { partsOf, readDateInput, type Fields } from '../../date-input.ts';
import { commitmentUrl, EDIT_REFUSAL } from '../commitments/urls.ts';
import { loadedItem, loadedMilestone, type LoadedCommitment } from '../commitments/loaded.ts';
import { allProblems, dateError } from '../commitments/form-problems.ts';
import { acceptEvidenceUploads, formFields, formFile } from './multipart-form.ts';
import { readEvidenceEntry } from './evidence-form.ts';
import { evidenceForm } from './schemas.ts';

interface Target extends LoadedCommitment {
  target: EvidenceTarget;
  /** What the evidence is for: the monitoring item's or milestone's text. */
  about: string;
  kind: 'monitoring item' | 'milestone';
  anchor: string;
}

interface Area {
  /** The address's first part: /<path>/:id/evidence/new. */
  path: string;
  resource: ResourceKind;
  target: (request: FastifyRequest) => Target;
}

const AREAS: Area[] = [
  {
    path: 'monitoring-items',
    resource: 'monitoring-item',
    target: (request) => {
      const { item, ...rest } = loadedItem(request);
      return { ...rest, target: { monitoringItemId: item.id }, about: item.text, kind: 'monitoring item', anchor: `monitoring-item-${item.id}` };
    },
  },
  {
    path: 'milestones',
    resource: 'milestone',
    target: (request) => {
      const { milestone, ...rest } = loadedMilestone(request);
      return { ...rest, target: { milestoneId: milestone.id }, about: milestone.text, kind: 'milestone', anchor: `milestone-${milestone.id}` };
    },
  },
];

/** "attachment; filename=…" with an ASCII fallback and the UTF-8 name. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function evidenceRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  await acceptEvidenceUploads(app);

  const page = (t: Target, action: string, values: Fields, extra: object = {}) => ({
    pageTitle: 'Add evidence',
    commitment: t.commitment,
    about: t.about,
    kind: t.kind,
    action,
    allowedTypes: ALLOWED_EXTENSIONS_TEXT,
    limits: FIELD_LIMITS,
    backHref: commitmentUrl(t.commitment.id, undefined, t.anchor),
    values,
    ...extra,
  });

  for (const area of AREAS) {
    const url = `/${area.path}/:id/evidence/new`;
    const access = { kind: area.resource, action: 'commitment:edit', refusal: EDIT_REFUSAL } as const;
    const action = (id: number) => `/${area.path}/${id}/evidence/new`;

    app.get<{ Params: { id: number } }>(url, { config: { access }, schema: { params: idParams } }, async (request, reply) => {
      const today = partsOf(services.clock.today());
      return reply.view(
        'pages/evidence/new.njk',
        page(area.target(request), action(request.params.id), { 'date-day': today.day, 'date-month': today.month, 'date-year': today.year }),
      );
    });

    app.post<{ Params: { id: number } }>(
      url,
      { config: { access }, attachValidation: true, schema: { params: idParams, body: evidenceForm } },
      async (request, reply) => {
        const t = area.target(request);
        const values = formFields(request);
        const own: FieldError[] = [];
        const date = readDateInput(values, 'date', 'Date of the evidence');
        if (date.kind === 'empty') own.push({ field: 'date-day', message: 'Enter the date of the evidence' });
        if (date.kind === 'error') own.push(dateError(date.problem));
        const evidence = readEvidenceEntry(values, await formFile(request, 'evidenceFile'), true);
        own.push(...evidence.errors);
        const errors = allProblems(request, evidenceForm, own);
        if (errors.length > 0 || date.kind !== 'date' || !evidence.entry) {
          return reply.code(400).view('pages/evidence/new.njk', page(t, action(request.params.id), values, errorView(errors)));
        }
        await services.tracking.addEvidence(request.user, t.target, { date: date.iso, ...evidence.entry });
        return reply.redirect(commitmentUrl(t.commitment.id, 'evidence-added', t.anchor), 303);
      },
    );
  }

  app.get<{ Params: { id: number } }>(
    '/evidence/:id/file',
    { config: { access: { kind: 'evidence', action: 'plan:read' } }, schema: { params: idParams } },
    async (request, reply) => {
      const file = await services.tracking.evidenceFile(request.params.id);
      const bytes = file && (await file.read().catch(() => null));
      if (!file || !bytes) return reply.callNotFound();
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );
}
