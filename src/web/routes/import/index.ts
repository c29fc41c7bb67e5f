// Importing a plan from a file: upload (GET/POST /organisations/:orgId/import) → preview of what was read
// (GET /organisations/:orgId/import/:draftId) → confirm (POST to the same address) → the new plan's page.
// Only those who may import plans for the organisation get here: other members get 403, anyone else 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import Type from 'typebox';
import type { RouteDeps } from '../../route-deps.ts';
import { loaded, type AccessRule } from '../../plugins/access.ts';
import type { OrganisationRecord } from '../../../domain/records.ts';
import { errorView } from '../../form-errors.ts';
import { idParam } from '../../validation.ts';
import { ImportError } from '../../../import/index.ts';
import { DRAFT_GONE_MESSAGE, ImportDraftGoneError, type ImportDraftKey } from '../../../services/plan-service.ts';
import { uploadedFile } from './uploaded-file.ts';
import { previewOf } from './preview-view.ts';

const orgParams = Type.Object({ orgId: idParam });
const draftParams = Type.Object({ orgId: idParam, draftId: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }) });

/** Checked before an upload is read: a member who may not import gets 403, anyone outside the organisation 404. */
const IMPORT: AccessRule = {
  kind: 'organisation',
  action: 'plan:import',
  param: 'orgId',
  refusal: 'Only a plan owner or an admin of the organisation can import plans. Ask your plan owner if a plan needs importing.',
};

interface OrgParams {
  orgId: number;
}
interface DraftParams extends OrgParams {
  draftId: string;
}

const UPLOAD_PAGE = 'pages/import/upload.njk';

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function importRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  // Multipart bodies are accepted by these routes only. An oversized file is cut off rather than refused
  // outright, so that the upload page can say what went wrong.
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: config.importMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });

  const uploadPage = (organisation: OrganisationRecord, extra: object = {}) => ({
    pageTitle: 'Import a plan',
    organisation,
    maxSize: sizeText(config.importMaxBytes),
    ...extra,
  });

  const draftKey = (request: FastifyRequest<{ Params: DraftParams }>): ImportDraftKey => ({
    id: request.params.draftId,
    userId: request.user!.id,
    organisationId: request.params.orgId,
  });

  app.get<{ Params: OrgParams }>(
    '/organisations/:orgId/import',
    { config: { access: IMPORT }, schema: { params: orgParams } },
    async (request, reply) => {
      const organisation = loaded(request, 'organisation');
      return reply.view(UPLOAD_PAGE, uploadPage(organisation));
    },
  );

  app.post<{ Params: OrgParams }>(
    '/organisations/:orgId/import',
    { config: { access: IMPORT }, schema: { params: orgParams } },
    async (request, reply) => {
      const organisation = loaded(request, 'organisation');
      const file = await uploadedFile(request, 'file');
      let problem: string;
      if (!file) problem = 'Select a file to import';
      else if (file.tooLarge) problem = `The selected file must be ${sizeText(config.importMaxBytes)} or smaller`;
      else {
        try {
          const draftId = await services.plans.upload({
            organisationId: organisation.id,
            userId: request.user!.id,
            fileName: file.fileName,
            bytes: file.bytes,
            maxBytes: config.importMaxBytes,
          });
          return reply.redirect(`/organisations/${organisation.id}/import/${draftId}`, 303);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          request.log.info({ code: err.code }, 'import refused');
          problem = err.message;
        }
      }
      return reply.code(400).view(UPLOAD_PAGE, uploadPage(organisation, errorView([{ field: 'file', message: problem }])));
    },
  );

  app.get<{ Params: DraftParams }>(
    '/organisations/:orgId/import/:draftId',
    { config: { access: IMPORT }, schema: { params: draftParams } },
    async (request, reply) => {
      const organisation = loaded(request, 'organisation');
      const draft = await services.plans.importDraft(draftKey(request));
      if (!draft) return reply.code(404).view(UPLOAD_PAGE, uploadPage(organisation, { notice: DRAFT_GONE_MESSAGE }));
      return reply.view('pages/import/preview.njk', {
        pageTitle: 'Check the plan before you create it',
        organisation,
        draftId: draft.id,
        preview: previewOf(draft),
      });
    },
  );

  app.post<{ Params: DraftParams }>(
    '/organisations/:orgId/import/:draftId',
    { config: { access: IMPORT }, schema: { params: draftParams } },
    async (request, reply) => {
      const organisation = loaded(request, 'organisation');
      try {
        const planId = await services.plans.confirmImport(draftKey(request));
        return reply.redirect(`/plans/${planId}?imported=1`, 303);
      } catch (err) {
        if (!(err instanceof ImportDraftGoneError)) throw err;
        return reply.code(404).view(UPLOAD_PAGE, uploadPage(organisation, { notice: err.message }));
      }
    },
  );
}
