// Forms that can carry an evidence file: @fastify/multipart registered for the calling route plugin only, with
// every field collected into the body (so the CSRF check can read `_csrf`) and an oversized file cut off at
// MAX_EVIDENCE_BYTES rather than refused, so the form can say what went wrong.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import { MAX_EVIDENCE_BYTES, type UploadedFile } from '../../../services/tracking-service.ts';
import type { Fields } from '../../date-input.ts';

export async function acceptEvidenceUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    // A field's size is in bytes: room for the longest paragraph in any script (up to 4 bytes a character), so the
    // schema's limit, counted in characters, is what refuses it and nothing typed is cut off unseen.
    limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 20, fieldSize: 4 * FIELD_LIMITS.paragraph, parts: 21 },
  });
}

interface FilePart {
  type: 'file';
  filename: string;
  file: { truncated: boolean };
  toBuffer: () => Promise<Buffer>;
}

function isFilePart(value: unknown): value is FilePart {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'file';
}

/** The text fields of a url-encoded or multipart form (the first value of each). */
export function formFields(request: FastifyRequest): Fields {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Fields = {};
  for (const [name, raw] of Object.entries(body)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string') fields[name] = value;
    else if (typeof value === 'object' && value !== null && typeof (value as { value?: unknown }).value === 'string') {
      fields[name] = (value as { value: string }).value;
    }
  }
  return fields;
}

/** The file chosen in `field`, or null when none was (browsers send an empty part without a name). */
export async function formFile(request: FastifyRequest, field: string): Promise<UploadedFile | null> {
  if (!request.isMultipart()) return null;
  const raw = (request.body as Record<string, unknown> | undefined)?.[field];
  const part = Array.isArray(raw) ? raw.find(isFilePart) : raw;
  if (!isFilePart(part)) return null;
  const bytes = await part.toBuffer();
  const name = (part.filename.split(/[\\/]/).pop() ?? '').trim();
  if (!name && bytes.length === 0) return null;
  return { name: name || 'evidence', bytes: new Uint8Array(bytes), tooLarge: part.file.truncated };
}
